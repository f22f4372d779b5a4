package org.isecg.benchmarks;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Updates.set;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.CloudEventPublisher;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxCollections;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.events.outbox.OutboxEvents;
import org.isecg.events.outbox.OutboxProperties;
import org.isecg.events.outbox.OutboxRelay;
import org.isecg.events.tracing.EventTracing;
import org.isecg.localstack.KafkaBroker;
import org.isecg.localstack.MongoServerHost;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The outbox relay against the floors it is bound by, measured side by side in one run, on the
 * MongoDB wire-protocol server the local stack runs (H2-backed, as {@code ./start-local.sh} has it;
 * {@code --mongo memory} for the tests' in-memory one) and a real Kafka broker, both in this JVM:
 * <ol>
 * <li><b>floors</b>: the server's single-document update, and the broker's produce acknowledgement
 *     with the relay's own producer settings, one at a time: their p50 and rate;</li>
 * <li><b>relay alone</b>: documents each holding one pending event, loaded without signals, then
 *     relayed from a standing start: events per second, at each concurrency and batch size asked;</li>
 * <li><b>outbox delay</b> ({@code isecg.outbox.delay}, write to acknowledgement) at a steady write
 *     rate, through {@link AggregateWriter} as the services write; then both floors again at that
 *     pace, since an operation every 20 ms finds every thread involved parked;</li>
 * <li><b>backlog under a burst</b>: writers creating aggregates as fast as they can (or at a set
 *     rate): the writes per second and the highest number of documents waiting.</li>
 * </ol>
 * Figures only: it asserts nothing, and prints the targets of docs/performance.md beside them.
 * Arguments: {@code --mongo h2|memory --documents N --rate R --seconds S --burst-seconds S
 * --writers W --burst-rate R (0: as fast as possible) --concurrency 1,2,4 --batch 1,100}.
 */
public final class RelayBenchmark {

    /** Who the benchmark's events say made them. */
    private static final Actor BENCHMARK = Actor.service("relay-benchmark");
    private static final String COLLECTION = "bench_agencies";
    private static final String TOPIC = EventTypes.AGENCY_REGISTERED.topic();

    private final Map<String, String> args;
    private final KafkaBroker broker;
    private final MongoServerHost mongoServer;
    private final MongoClient client;
    private final KafkaTemplate<byte[], byte[]> template;
    private int run;

    private RelayBenchmark(Map<String, String> args, Path dir) {
        this.args = args;
        this.broker = KafkaBroker.start(dir.resolve("kafka"), 0, 0);
        this.mongoServer = "memory".equals(arg("mongo", "h2")) ? MongoServerHost.startInMemory(0)
                : MongoServerHost.startPersistent(dir.resolve("mongo.h2"), 0);
        this.client = MongoClients.create(mongoServer.connectionString());
        this.template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerProperties(),
                new ByteArraySerializer(), new ByteArraySerializer()));
    }

    public static void main(String[] arguments) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < arguments.length; i += 2) {
            args.put(arguments[i].replaceFirst("^--", ""), arguments[i + 1]);
        }
        Path dir = Files.createTempDirectory("relay-benchmark-");
        RelayBenchmark benchmark = new RelayBenchmark(args, dir);
        try {
            benchmark.createTopic();
            benchmark.runAll();
        } finally {
            benchmark.close();
        }
        System.exit(0);
    }

    private void runAll() throws Exception {
        System.out.printf(Locale.ROOT, "%nrelay benchmark: mongo-java-server (%s backend), Kafka %s, %d cores%n",
                arg("mongo", "h2"), org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                Runtime.getRuntime().availableProcessors());
        Floor update = mongoUpdateFloor();
        Floor ack = produceFloor(0);
        print("floor: Mongo single-document update", update);
        print("floor: Kafka produce acknowledgement", ack);

        Set<String> phases = Set.of(arg("phases", "alone,steady,burst").split(","));
        int documents = Integer.parseInt(arg("documents", "20000"));
        for (String concurrency : phases.contains("alone") ? arg("concurrency", "1,2,4").split(",") : new String[0]) {
            for (String batch : arg("batch", "1,100").split(",")) {
                double rate = relayAlone(documents, Integer.parseInt(concurrency), Integer.parseInt(batch));
                System.out.printf(Locale.ROOT, "relay alone, concurrency %s, batch %3s: %,8.0f events/s"
                        + "   target >= %,.0f (half the update rate)%n", concurrency, batch, rate, update.rate / 2);
            }
        }
        if (phases.contains("steady")) {
            steady(update, ack);
        }
        if (phases.contains("burst")) {
            bursts();
        }
    }

    private void steady(Floor update, Floor ack) throws Exception {
        double writeRate = Double.parseDouble(arg("rate", "50"));
        int seconds = Integer.parseInt(arg("seconds", "20"));
        Delay delay = steadyWrites(writeRate, seconds);
        double bound = 3 * (update.p50Millis + ack.p50Millis);
        System.out.printf(Locale.ROOT, "outbox delay at %.0f writes/s for %d s: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                + "   target p50 <= 3 x (%.2f + %.2f) = %.2f ms%n", writeRate, seconds, delay.p50, delay.p99, delay.max,
                update.p50Millis, ack.p50Millis, bound);
        // the floors above are measured back to back, with every thread and cache warm; a write every
        // 20 ms finds the Mongo server's, the broker's and the client's threads parked
        long pauseMicros = (long) (1_000_000 / writeRate);
        Floor pacedUpdate = mongoUpdateFloor(pauseMicros);
        Floor pacedAck = produceFloor(pauseMicros);
        System.out.printf(Locale.ROOT, "floors one every %d us: Mongo update p50 %.3f ms, Kafka produce ack p50 %.3f ms%n",
                pauseMicros, pacedUpdate.p50Millis, pacedAck.p50Millis);
        System.out.printf(Locale.ROOT, "outbox delay p50 / (update + ack) p50 at the same pace: %.2f%n",
                delay.p50 / (pacedUpdate.p50Millis + pacedAck.p50Millis));
    }

    private void bursts() throws Exception {
        int burstSeconds = Integer.parseInt(arg("burst-seconds", "15"));
        int writers = Integer.parseInt(arg("writers", "8"));
        for (String burstRate : arg("burst-rate", "250,0").split(",")) {
            Burst burst = burst(writers, Double.parseDouble(burstRate), burstSeconds);
            System.out.printf(Locale.ROOT, "burst of %d s, %d writers%s: %,.0f writes/s, backlog max %d documents, "
                    + "%d at the end of the writes, drained %.1f s later   target backlog < 100%n", burstSeconds,
                    writers, "0".equals(burstRate) ? " as fast as they can" : " at " + burstRate + "/s", burst.writeRate,
                    burst.maxBacklog, burst.backlogAtEnd, burst.drainSeconds);
        }
    }

    /** One document updated at a time, as the relay's claims and removals are. */
    private Floor mongoUpdateFloor() throws Exception {
        MongoCollection<Document> floor = client.getDatabase("floor").getCollection("updates");
        List<Document> seed = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            seed.add(new Document("_id", "D" + i).append("name", "seed").append("version", 0L));
        }
        Mono.from(floor.insertMany(seed)).block();
        return oneAtATime(500, 5000, 0, mongoUpdate(floor));
    }

    /** The same update, one every {@code pauseMicros}: the pace of the steady writes. */
    private Floor mongoUpdateFloor(long pauseMicros) throws Exception {
        return oneAtATime(0, 400, pauseMicros, mongoUpdate(client.getDatabase("floor").getCollection("updates")));
    }

    private static Operation mongoUpdate(MongoCollection<Document> floor) {
        return i -> Mono.from(floor.updateOne(eq("_id", "D" + Math.floorMod(i, 1000)), set("name", "n" + i))).block();
    }

    /**
     * One record acknowledged at a time, with the relay's producer settings and an event's size, one
     * every {@code pauseMicros} (0: back to back, after a warm-up).
     */
    private Floor produceFloor(long pauseMicros) throws Exception {
        byte[] value = agencyEventData();
        return oneAtATime(pauseMicros == 0 ? 300 : 0, pauseMicros == 0 ? 3000 : 400, pauseMicros,
                i -> template.send(new ProducerRecord<>(TOPIC, ("K" + i).getBytes(), value)).get(10, TimeUnit.SECONDS));
    }

    /**
     * Runs the operation {@code warmUp} times unmeasured, then {@code count} times, each timed, each
     * {@code pauseMicros} after the one before ended (0: back to back).
     */
    private static Floor oneAtATime(int warmUp, int count, long pauseMicros, Operation operation) throws Exception {
        for (int i = -warmUp; i < 0; i++) {
            operation.run(i);
        }
        Histogram latencies = new Histogram(3);
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (pauseMicros > 0) {
                TimeUnit.MICROSECONDS.sleep(pauseMicros);
            }
            long before = System.nanoTime();
            operation.run(i);
            latencies.recordValue(System.nanoTime() - before);
        }
        return new Floor(latencies, count, System.nanoTime() - started);
    }

    @FunctionalInterface
    private interface Operation {
        void run(int i) throws Exception;
    }

    private double relayAlone(int documents, int concurrency, int batch) throws Exception {
        Setup setup = setup(concurrency, batch);
        List<Document> pending = new ArrayList<>(1000);
        for (int i = 0; i < documents; i++) {
            String code = "A" + i;
            OutboxEvent event = setup.outboxEvents.wrap(registered(code), BENCHMARK);
            Document stored = new Document();
            setup.mongo.getConverter().write(new BenchAgency(code, 1, code, List.of(event)), stored);
            pending.add(stored);
            if (pending.size() == 1000 || i == documents - 1) {
                Mono.from(setup.collection.insertMany(pending, new InsertManyOptions().ordered(false))).block();
                pending.clear();
            }
        }
        long started = System.nanoTime();
        setup.relay.start();
        while (setup.published() < documents) {
            Thread.sleep(20);
        }
        while (setup.pendingDocuments() > 0) {
            Thread.sleep(20);
        }
        long elapsed = System.nanoTime() - started;
        setup.relay.stop();
        return documents / (elapsed / 1e9);
    }

    private Delay steadyWrites(double rate, int seconds) throws Exception {
        Setup setup = setup(2, 100);
        setup.relay.start();
        int writes = (int) (rate * seconds);
        ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
        AtomicLong written = new AtomicLong();
        long period = (long) (1_000_000 / rate);
        pace.scheduleAtFixedRate(() -> {
            if (written.get() < writes) {
                String code = "S" + written.incrementAndGet();
                setup.writer.create(new BenchAgency(code, 1, code, List.of(setup.writer.firstEvent(registered(code), BENCHMARK))),
                        "agency").block();
            }
        }, 0, period, TimeUnit.MICROSECONDS);
        while (setup.published() < writes) {
            Thread.sleep(50);
        }
        pace.shutdownNow();
        setup.relay.stop();
        Timer delay = setup.meters.get("isecg.outbox.delay").timer();
        double p50 = 0;
        double p99 = 0;
        for (ValueAtPercentile percentile : delay.takeSnapshot().percentileValues()) {
            if (percentile.percentile() == 0.5) {
                p50 = percentile.value(TimeUnit.MILLISECONDS);
            } else if (percentile.percentile() == 0.99) {
                p99 = percentile.value(TimeUnit.MILLISECONDS);
            }
        }
        return new Delay(p50, p99, delay.max(TimeUnit.MILLISECONDS));
    }

    private Burst burst(int writers, double rate, int seconds) throws Exception {
        Setup setup = setup(2, 100);
        setup.relay.start();
        AtomicLong written = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long started = System.nanoTime();
        double perWriterNanos = rate <= 0 ? 0 : 1e9 * writers / rate;
        for (int w = 0; w < writers; w++) {
            int writer = w;
            pool.submit(() -> {
                long next = System.nanoTime();
                for (int i = 0; writing.get(); i++) {
                    String code = "B" + writer + "-" + i;
                    setup.writer.create(new BenchAgency(code, 1, code,
                            List.of(setup.writer.firstEvent(registered(code), BENCHMARK))), "agency").block();
                    written.incrementAndGet();
                    if (perWriterNanos > 0) {
                        next += (long) perWriterNanos;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                }
                return null;
            });
        }
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        long maxBacklog = 0;
        while (System.nanoTime() < deadline) {
            // documents written (each with one event) whose event the broker has not acknowledged yet
            maxBacklog = Math.max(maxBacklog, written.get() - setup.published());
            Thread.sleep(10);
        }
        writing.set(false);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        long writesEnded = System.nanoTime();
        long total = written.get();
        long backlogAtEnd = total - setup.published();
        while (setup.published() < total) {
            maxBacklog = Math.max(maxBacklog, total - setup.published());
            Thread.sleep(10);
        }
        double drained = (System.nanoTime() - writesEnded) / 1e9;
        setup.relay.stop();
        return new Burst(total / ((writesEnded - started) / 1e9), maxBacklog, backlogAtEnd, drained);
    }

    /** A relay of its own, with its own meters, over a collection of its own. */
    private Setup setup(int concurrency, int batch) {
        run++;
        String database = "relay" + run;
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
        MongoMappingContext mapping = (MongoMappingContext) mongo.getConverter().getMappingContext();
        mapping.getRequiredPersistentEntity(BenchAgency.class);
        OutboxCollections collections = new OutboxCollections(mapping);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("isecg.outbox.delay")
                        ? DistributionStatisticConfig.builder().percentiles(0.5, 0.99).percentilePrecision(2)
                                .expiry(Duration.ofMinutes(10)).bufferLength(1).build().merge(config)
                        : config;
            }
        });
        EventTracing tracing = EventTracing.off();
        OutboxEvents outboxEvents = new OutboxEvents("/hub/benchmark", Clock.systemUTC(), tracing);
        OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(2), Duration.ofSeconds(30), batch,
                concurrency, "benchmark-" + run);
        OutboxRelay relay = new OutboxRelay(mongo, new CloudEventPublisher(template, tracing), properties, collections,
                Clock.systemUTC(), meters, properties.instanceId());
        AggregateWriter writer = new AggregateWriter(mongo, outboxEvents, relay, collections);
        MongoCollection<Document> collection = client.getDatabase(database).getCollection(COLLECTION);
        return new Setup(mongo, outboxEvents, relay, writer, meters, collection);
    }

    private record Setup(ReactiveMongoTemplate mongo, OutboxEvents outboxEvents, OutboxRelay relay,
            AggregateWriter writer, SimpleMeterRegistry meters, MongoCollection<Document> collection) {

        long published() {
            return (long) meters.find("isecg.outbox.published").counters().stream().mapToDouble(c -> c.count()).sum();
        }

        long pendingDocuments() {
            Long count = Mono.from(collection.countDocuments(exists(OutboxEvent.FIELD + ".0"))).block();
            return count == null ? 0 : count;
        }
    }

    private record Floor(double p50Millis, double p99Millis, double rate) {
        Floor(Histogram latencies, int count, long elapsedNanos) {
            this(latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(99) / 1e6,
                    count / (elapsedNanos / 1e9));
        }
    }

    private record Delay(double p50, double p99, double max) {
    }

    private record Burst(double writeRate, long maxBacklog, long backlogAtEnd, double drainSeconds) {
    }

    private static void print(String what, Floor floor) {
        System.out.printf(Locale.ROOT, "%-40s p50 %.3f ms, p99 %.3f ms, %,.0f/s one at a time%n", what + ":",
                floor.p50Millis, floor.p99Millis, floor.rate);
    }

    private static AgencyRegistered registered(String code) {
        return new AgencyRegistered(code, 1, "Benchmark agency " + code, Set.of("FR", "DE"),
                AgencyKind.NATIONAL_AGENCY, Membership.NON_MEMBER, null, "contact@" + code.toLowerCase() + ".example", null,
                AgencyStatus.ACTIVE);
    }

    private byte[] agencyEventData() {
        OutboxEvents events = new OutboxEvents("/hub/benchmark", Clock.systemUTC(), EventTracing.off());
        return events.wrap(registered("FLOOR"), BENCHMARK).data().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private void createTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // a created topic reaches the broker's metadata a moment after the create returns
            while (!admin.listTopics().names().get().contains(TOPIC)) {
                Thread.sleep(50);
            }
        }
    }

    /** The settings of isecg-events-defaults.yml's spring.kafka.producer, which the relay's producer has. */
    private Map<String, Object> producerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, Integer.parseInt(arg("linger-ms", "0")));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        return properties;
    }

    private String arg(String name, String otherwise) {
        return args.getOrDefault(name, otherwise);
    }

    private void close() {
        template.destroy();
        client.close();
        mongoServer.close();
        broker.close();
    }

    /** An aggregate of the benchmark's own, the size of an agency's. */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record BenchAgency(@Id String code, long version, String name, List<OutboxEvent> outbox) implements OutboxAggregate {
    }
}
