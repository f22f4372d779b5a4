package org.isecg.events.outbox;

import static com.mongodb.client.model.Filters.exists;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * Publishes the events waiting in aggregate documents, in order per aggregate, then removes them.
 *
 * <p>A write {@link #signal signals} the relay right away, so latency is one publication, not a
 * poll interval; a periodic sweep picks up whatever no signal covered (a crash between write and
 * publication, a broker that was down). A crash between publication and removal publishes the
 * event again with the same id, which consumers ignore.
 *
 * <p>Signals queue up while the relay works, and each of its {@code concurrency} workers takes
 * what is queued, up to {@code batch-size} documents, as one {@link RelayBatch}: a lone write is
 * relayed on its own at once, and a burst in batches whose round trips do not grow with their size.
 * A document is in one batch of this instance at a time; one signalled while it is being relayed
 * is relayed again right after.
 *
 * <p>A lease per document ({@link OutboxLeases}) keeps two relay instances from publishing the same
 * outbox at once. The owner is this instance's stable identity ({@code isecg.outbox.instance-id});
 * the claim is the batch's, and it is the fence: the lease is renewed while the relay publishes (a
 * heartbeat, and before a publication once half the lease has passed), each renewal conditional on
 * the lease still carrying the claim, so a relay whose lease was taken over publishes and removes
 * nothing more of that document. A claim accepts a free or expired lease, or one this instance
 * holds: an instance that restarts takes its documents back at once, where any other instance waits
 * for the lease to expire.
 *
 * <p>An event that can never be published ({@link PublicationFailures}) is parked
 * ({@link ParkedEvents}), counted and logged, and the document's next event follows; any other
 * failure leaves the event, and those behind it, for the next sweep.
 *
 * <p>On shutdown the relay stops after the web server has stopped taking requests and drained those
 * in flight ({@link #PHASE}): so no write arrives once the relay has stopped, and the relay can still
 * publish what it was signalled. A signal it cannot take (before {@link #start}, after {@link #stop})
 * is dropped, never thrown into the request whose write already committed: the event waits in its
 * document for the next sweep, of this instance's next start or of another instance.
 */
public class OutboxRelay implements SmartLifecycle {

    /**
     * Below the web server's lifecycles (Boot's {@code WebServerGracefulShutdownLifecycle} at
     * {@code Integer.MAX_VALUE - 1024}, {@code WebServerStartStopLifecycle} at {@code - 2048}) and
     * the binder's input bindings ({@code - 3000}), so it stops after them and starts before them.
     * Its producer is not a lifecycle: it closes with the context, after every lifecycle has stopped.
     */
    public static final int PHASE = Integer.MAX_VALUE - 4096;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final RelayBatch.Relaying relaying;
    private final ReactiveMongoOperations mongo;
    private final OutboxProperties properties;
    private final OutboxCollections collections;
    private final RelayMetrics metrics;
    private final ParkedEvents parked;
    private final OutboxLeases leases;
    private final Set<Pending> signalled = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<Pending, Holding> held = new ConcurrentHashMap<>();
    private final Set<RelayBatch> batches = ConcurrentHashMap.newKeySet();
    private final Map<String, MongoCollection<Document>> documents = new ConcurrentHashMap<>();
    private final Supplier<ScheduledExecutorService> executors;
    private volatile ScheduledExecutorService executor;
    private volatile ScheduledExecutorService heartbeat;

    /**
     * @param instanceId this instance's identity as a lease owner (see {@link OutboxProperties#instanceId()}):
     *                   stable across its restarts, never shared by two running instances
     */
    public OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters, String instanceId) {
        this(mongo, publisher, properties, collections, clock, meters, instanceId, RelayHook.NONE);
    }

    /** With a fault hook; for crash tests. */
    OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters, String instanceId, RelayHook hook) {
        this(mongo, publisher, properties, collections, clock, meters, instanceId, hook,
                () -> threads("outbox-relay", properties.concurrency() + 1));
    }

    /**
     * With a fault hook and the executor it runs on, one per start, which needs
     * {@code concurrency + 1} threads (the workers and the sweep); for tests.
     */
    OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters, String instanceId, RelayHook hook,
            Supplier<ScheduledExecutorService> executors) {
        this.executors = executors;
        this.mongo = mongo;
        this.properties = properties;
        this.collections = collections;
        this.parked = new ParkedEvents(mongo);
        this.metrics = new RelayMetrics(meters, collections.names());
        Gauge.builder("isecg.outbox.queued", this, relay -> relay.queue.size() + relay.held.size())
                .description("Documents this instance was signalled about and has not finished relaying, now")
                .register(meters);
        this.leases = new OutboxLeases(mongo, instanceId);
        this.relaying = new RelayBatch.Relaying(mongo, publisher, parked, leases, hook, clock, properties.lease(),
                instanceId, metrics);
    }

    /** This instance's identity as a lease owner. */
    public String instanceId() {
        return relaying.owner();
    }

    /** The leases this relay and its peers hold. */
    public OutboxLeases leases() {
        return leases;
    }

    /** The events this relay and its peers parked; for the operator's endpoint. */
    public ParkedEvents parked() {
        return parked;
    }

    /**
     * Asks for the document's pending events to be published now. Cheap; repeated signals coalesce.
     * Never throws: it is called right after a write has committed, which its caller must be able to
     * report as done. A signal the relay cannot take is left to the sweep.
     */
    public void signal(String collection, Object id) {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown()) {
            metrics.signalDropped();
            return;
        }
        enqueue(new Pending(collection, id));
    }

    private void enqueue(Pending pending) {
        if (signalled.add(pending)) {
            queue.add(pending);
        }
    }

    /**
     * Queues every document of every outbox collection that has pending events, and counts them;
     * returns how many it queued. The workers relay them in batches. Leases that expired a whole
     * lease ago, left by instances that died holding them, are removed.
     */
    public int sweep() {
        leases.expire(relaying.clock().instant().minus(properties.lease()));
        int queued = 0;
        for (String collection : collections.names()) {
            List<Object> ids = Flux.from(collection(collection)
                            .find(exists(OutboxEvent.FIELD + ".0"))
                            .projection(Projections.include("_id")))
                    .map(document -> document.get("_id"))
                    .collectList().block(MONGO_TIMEOUT);
            List<Object> pending = ids == null ? List.of() : ids;
            metrics.backlog(collection, pending.size(), parked.count(collection));
            for (Object id : pending) {
                enqueue(new Pending(collection, id));
                queued++;
            }
        }
        return queued;
    }

    /** Relays one document now, on the caller's thread; failures are counted and left to the sweep. */
    void relay(String collection, Object id) {
        Pending document = new Pending(collection, id);
        while (!relay(collection, List.of(document)).isEmpty()) {
            // events were appended while we published: go round again
        }
    }

    /** Relays the documents now as one batch, on the caller's thread, as a worker would; for tests. */
    void relayTogether(String collection, List<Object> ids) {
        relay(collection, ids.stream().map(id -> new Pending(collection, id)).toList());
    }

    /**
     * Relays the documents as one batch; returns those of which it published or parked something.
     * A document another thread of this instance is relaying is marked to be relayed again once
     * that thread is done, and left to it.
     */
    private Set<Object> relay(String collection, List<Pending> pending) {
        List<Pending> mine = new ArrayList<>(pending.size());
        for (Pending document : pending) {
            // a write from now on signals again
            signalled.remove(document);
            if (hold(document)) {
                mine.add(document);
            }
        }
        if (mine.isEmpty()) {
            return Set.of();
        }
        RelayBatch batch = new RelayBatch(relaying, collection, collection(collection));
        batches.add(batch);
        try {
            return batch.run(mine.stream().map(Pending::id).toList());
        } catch (RuntimeException e) {
            metrics.failed(mine.size());
            log.warn("outbox relay of {} document(s) of {} failed, the sweep will retry: {}", mine.size(), collection,
                    e.toString());
            return Set.of();
        } finally {
            batches.remove(batch);
            for (Pending document : mine) {
                release(document);
            }
        }
    }

    /** Takes the document for this thread, or marks it for another round of the thread that has it. */
    private boolean hold(Pending document) {
        Holding mine = new Holding();
        Holding holder = held.compute(document, (key, current) -> {
            if (current == null) {
                return mine;
            }
            current.again = true;
            return current;
        });
        return holder == mine;
    }

    private void release(Pending document) {
        boolean[] again = new boolean[1];
        held.computeIfPresent(document, (key, holding) -> {
            again[0] = holding.again;
            return null;
        });
        if (again[0] && executor != null) {
            enqueue(document);
        }
    }

    /** One worker: takes what is queued, up to a batch, and relays it per collection, until the relay stops. */
    private void work(ScheduledExecutorService mine) {
        while (!Thread.currentThread().isInterrupted()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (executor != mine) {
                    return;
                }
                continue;
            }
            List<Pending> taken = new ArrayList<>(properties.batchSize());
            taken.add(first);
            queue.drainTo(taken, properties.batchSize() - 1);
            Map<String, List<Pending>> byCollection = new LinkedHashMap<>();
            for (Pending pending : taken) {
                byCollection.computeIfAbsent(pending.collection(), name -> new ArrayList<>()).add(pending);
            }
            byCollection.forEach((collection, pending) -> {
                try {
                    relay(collection, pending);
                } catch (Error e) {
                    // nothing a worker meets should end the relaying; the leases it holds expire
                    log.error("outbox relay of {} document(s) of {} failed", pending.size(), collection, e);
                }
            });
        }
    }

    /** Extends the leases of the batches being relayed, so that a publication slower than the lease keeps them. */
    private void renewHeld() {
        for (RelayBatch batch : batches) {
            try {
                batch.renew();
            } catch (RuntimeException e) {
                log.debug("could not renew a batch's leases; the relay renews before its next round", e);
            }
        }
    }

    private MongoCollection<Document> collection(String name) {
        return documents.computeIfAbsent(name, missing -> mongo.getCollection(missing).block(MONGO_TIMEOUT));
    }

    private static ScheduledExecutorService threads(String name, int count) {
        AtomicLong created = new AtomicLong();
        return Executors.newScheduledThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + created.incrementAndGet());
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
        executor = started;
        for (int worker = 0; worker < properties.concurrency(); worker++) {
            started.execute(() -> work(started));
        }
        long interval = properties.sweepInterval().toMillis();
        started.scheduleWithFixedDelay(this::sweepQuietly, 0, interval, TimeUnit.MILLISECONDS);
        ScheduledExecutorService beating = threads("outbox-lease", 1);
        long renewal = Math.max(1, properties.lease().toMillis() / 3);
        beating.scheduleWithFixedDelay(this::renewHeld, renewal, renewal, TimeUnit.MILLISECONDS);
        heartbeat = beating;
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            metrics.failed(1);
            log.warn("outbox sweep failed, retrying in {}: {}", properties.sweepInterval(), e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            // the workers relay what is already queued, then end; the periodic sweep does not run again
            running.shutdown();
            try {
                if (!running.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
            // a signal still queued would otherwise be coalesced away after a restart
            queue.clear();
            signalled.clear();
        }
        ScheduledExecutorService beating = heartbeat;
        heartbeat = null;
        if (beating != null) {
            beating.shutdownNow();
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

    /** A document one thread of this instance is relaying; {@code again} if it was signalled meanwhile. */
    private static final class Holding {
        volatile boolean again;
    }
}
