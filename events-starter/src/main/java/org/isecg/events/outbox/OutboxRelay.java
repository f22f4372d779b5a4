package org.isecg.events.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes the events waiting in aggregate documents, in order per aggregate, then removes them.
 *
 * <p>A write {@link #signal signals} the relay right away, so latency is one publication, not a
 * poll interval; a periodic sweep picks up whatever no signal covered (a crash between write and
 * publication, a broker that was down). A crash between publication and removal publishes the
 * event again with the same id, which consumers ignore. A lease on the document keeps two relay
 * instances from publishing the same outbox at once; if one dies, another takes over when its
 * lease expires.
 *
 * <p>On shutdown the relay stops after the web server has stopped taking requests and drained those
 * in flight, and before the binder's producers ({@link #PHASE}): so no write arrives once the relay
 * has stopped, and the relay can still publish what it is doing. A signal it cannot take (before
 * {@link #start}, after {@link #stop}) is dropped, never thrown into the request whose write already
 * committed: the event waits in its document for the next sweep, of this instance's next start or
 * of another instance.
 */
public class OutboxRelay implements SmartLifecycle {

    /**
     * Below the web server's lifecycles (Boot's {@code WebServerGracefulShutdownLifecycle} at
     * {@code Integer.MAX_VALUE - 1024}, {@code WebServerStartStopLifecycle} at {@code - 2048}) and
     * the binder's input bindings ({@code - 3000}), so it stops after them and starts before them;
     * above the binder's output bindings ({@code Integer.MIN_VALUE + 1000}), which it publishes through.
     */
    public static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String LEASE = "outboxLease";
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;
    private final CloudEventPublisher publisher;
    private final OutboxProperties properties;
    private final OutboxCollections collections;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<Pending> signalled = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> pendingDocuments = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Counter failures;
    private final Counter droppedSignals;
    private final Supplier<ScheduledExecutorService> executors;
    private volatile ScheduledExecutorService executor;

    public OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters) {
        this(mongo, publisher, properties, collections, clock, meters, OutboxRelay::singleThread);
    }

    /** With the executors it runs on, one per start; for tests that need to see a rejected signal. */
    OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters,
            Supplier<ScheduledExecutorService> executors) {
        this.executors = executors;
        this.mongo = mongo;
        this.publisher = publisher;
        this.properties = properties;
        this.collections = collections;
        this.clock = clock;
        this.meters = meters;
        this.failures = Counter.builder("isecg.outbox.failures")
                .description("Outbox publications that failed and will be retried").register(meters);
        this.droppedSignals = Counter.builder("isecg.outbox.signals.dropped")
                .description("Signals the relay could not take (stopped or stopping); the sweep publishes their events")
                .register(meters);
        for (String collection : collections.names()) {
            AtomicLong pending = new AtomicLong();
            pendingDocuments.put(collection, pending);
            Gauge.builder("isecg.outbox.backlog", pending, AtomicLong::get).tag("collection", collection)
                    .description("Documents with events waiting to be published, as of the last sweep")
                    .register(meters);
        }
    }

    /**
     * Asks for the document's pending events to be published now. Cheap; repeated signals coalesce.
     * Never throws: it is called right after a write has committed, which its caller must be able to
     * report as done. A signal the relay cannot take is left to the sweep.
     */
    public void signal(String collection, Object id) {
        ScheduledExecutorService running = executor;
        Pending pending = new Pending(collection, id);
        if (running == null) {
            droppedSignals.increment();
            return;
        }
        if (signalled.add(pending)) {
            try {
                running.execute(() -> {
                    signalled.remove(pending);
                    relay(collection, id);
                });
            } catch (RejectedExecutionException stopping) {
                // stop() shut the executor down between the read above and now
                signalled.remove(pending);
                droppedSignals.increment();
                log.debug("outbox relay stopping, {} {} is left to the next sweep", collection, id);
            }
        }
    }

    /** Relays every document of every outbox collection that has pending events; returns how many it relayed. */
    public int sweep() {
        int relayed = 0;
        for (String collection : collections.names()) {
            List<Object> ids = Flux.from(collection(collection)
                            .find(exists(OutboxEvent.FIELD + ".0"))
                            .projection(Projections.include("_id"))
                            .limit(properties.batchSize()))
                    .map(document -> document.get("_id"))
                    .collectList().block(MONGO_TIMEOUT);
            pendingDocuments.get(collection).set(ids == null ? 0 : ids.size());
            for (Object id : ids == null ? List.<Object>of() : ids) {
                relay(collection, id);
                relayed++;
            }
        }
        return relayed;
    }

    private void relay(String collection, Object id) {
        try {
            while (relayOnce(collection, id)) {
                // events were appended while we published: go round again
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("outbox relay of {} {} failed, the sweep will retry: {}", collection, id, e.toString());
        }
    }

    /** Publishes what the document holds now; true if it published anything. */
    private boolean relayOnce(String collection, Object id) {
        MongoCollection<Document> documents = collection(collection);
        Instant now = clock.instant();
        Bson leaseFree = or(eq(LEASE, null), lt(LEASE + ".until", Date.from(now)));
        Document claimed = Mono.from(documents.findOneAndUpdate(
                        and(eq("_id", id), exists(OutboxEvent.FIELD + ".0"), leaseFree),
                        set(LEASE, new Document("owner", owner).append("until", Date.from(now.plus(properties.lease())))),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                .block(MONGO_TIMEOUT);
        if (claimed == null) {
            return false;
        }
        try {
            List<Document> events = claimed.getList(OutboxEvent.FIELD, Document.class);
            for (Document stored : events) {
                OutboxEvent event = mongo.getConverter().read(OutboxEvent.class, stored);
                publisher.publish(event);
                Mono.from(documents.updateOne(eq("_id", id), pull(OutboxEvent.FIELD, eq("eventId", event.eventId()))))
                        .block(MONGO_TIMEOUT);
                record(event);
            }
            return !events.isEmpty();
        } finally {
            Mono.from(documents.updateOne(and(eq("_id", id), eq(LEASE + ".owner", owner)), unset(LEASE)))
                    .block(MONGO_TIMEOUT);
        }
    }

    private void record(OutboxEvent event) {
        Counter.builder("isecg.outbox.published").tag("topic", event.topic()).tag("type", event.type())
                .description("Events published from the outbox").register(meters).increment();
        Timer.builder("isecg.outbox.delay").tag("topic", event.topic())
                .description("Time from the write of an event to its acknowledgement by the broker")
                .register(meters).record(Duration.between(event.time(), clock.instant()));
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name).block(MONGO_TIMEOUT);
    }

    private static ScheduledExecutorService singleThread() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService started = executors.get();
        long interval = properties.sweepInterval().toMillis();
        started.scheduleWithFixedDelay(this::sweepQuietly, 0, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("outbox sweep failed, retrying in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            // signals already taken still run; the periodic sweep does not
            running.shutdown();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a signal still queued after the wait would otherwise be coalesced away after a restart
            signalled.clear();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** See {@link #PHASE}. */
    @Override
    public int getPhase() {
        return PHASE;
    }

    private record Pending(String collection, Object id) {
    }
}
