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
import com.mongodb.client.result.UpdateResult;
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
 * event again with the same id, which consumers ignore.
 *
 * <p>A lease on the document ({@code outboxLease {owner, until}}) keeps two relay instances from
 * publishing the same outbox at once. The owner is this instance's stable identity
 * ({@code isecg.outbox.instance-id}), and it is the fence: the lease is renewed while the relay
 * publishes (a heartbeat, and before a publication once half the lease has passed), and every
 * renewal, removal and release is conditional on the document still naming this instance as the
 * owner, so a relay whose lease was taken over removes nothing and stops. A claim accepts a free or
 * expired lease, or one this instance holds: an instance that restarts takes its documents back at
 * once, where any other instance waits for the lease to expire.
 *
 * <p>An event that can never be published ({@link PublicationFailures}) is parked
 * ({@link ParkedEvents}), counted and logged, and the document's next event follows; any other
 * failure leaves the event, and those behind it, for the next sweep.
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
    private final String owner;
    private final Set<Pending> signalled = ConcurrentHashMap.newKeySet();
    private final Map<Pending, Holding> held = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> pendingDocuments = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> parkedEvents = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Counter failures;
    private final Counter droppedSignals;
    private final Counter fenced;
    private final ParkedEvents parked;
    private final RelayHook hook;
    private final Supplier<ScheduledExecutorService> executors;
    private volatile ScheduledExecutorService executor;
    private volatile ScheduledExecutorService heartbeat;

    /**
     * @param instanceId this instance's identity as a lease owner (see {@link OutboxProperties#instanceId()}):
     *                   stable across its restarts, never shared by two running instances
     */
    public OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters, String instanceId) {
        this(mongo, publisher, properties, collections, clock, meters, instanceId, RelayHook.NONE,
                () -> singleThread("outbox-relay"));
    }

    /** With a fault hook and the executors it runs on, one per start; for tests. */
    OutboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters, String instanceId, RelayHook hook,
            Supplier<ScheduledExecutorService> executors) {
        this.executors = executors;
        this.owner = instanceId;
        this.hook = hook;
        this.parked = new ParkedEvents(mongo);
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
        this.fenced = Counter.builder("isecg.outbox.fenced")
                .description("Removals and renewals refused because another relay instance had taken the lease over")
                .register(meters);
        for (String collection : collections.names()) {
            AtomicLong pending = new AtomicLong();
            pendingDocuments.put(collection, pending);
            Gauge.builder("isecg.outbox.backlog", pending, AtomicLong::get).tag("collection", collection)
                    .description("Documents with events waiting to be published, as of the last sweep")
                    .register(meters);
            AtomicLong parkedHere = new AtomicLong();
            parkedEvents.put(collection, parkedHere);
            Gauge.builder("isecg.outbox.parked.events", parkedHere, AtomicLong::get).tag("collection", collection)
                    .description("Events parked because they can never be published; each needs an operator")
                    .register(meters);
        }
    }

    /** This instance's identity as a lease owner. */
    public String instanceId() {
        return owner;
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
            parkedEvents.get(collection).set(parked.count(collection));
            for (Object id : ids == null ? List.<Object>of() : ids) {
                relay(collection, id);
                relayed++;
            }
        }
        return relayed;
    }

    /** Relays one document now, on the caller's thread; failures are counted and left to the sweep. */
    void relay(String collection, Object id) {
        try {
            while (relayOnce(collection, id)) {
                // events were appended while we published: go round again
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.warn("outbox relay of {} {} failed, the sweep will retry: {}", collection, id, e.toString());
        }
    }

    /** Publishes what the document holds now; true if it published or parked anything and still owns the lease. */
    private boolean relayOnce(String collection, Object id) {
        Pending document = new Pending(collection, id);
        hook.at(RelayHook.Point.BEFORE_CLAIM, collection, id, null);
        MongoCollection<Document> documents = collection(collection);
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        // a lease of our own is one this instance held before it restarted: nobody else has the
        // document, so it need not wait for the lease to expire
        Bson claimable = or(eq(LEASE, null), lt(LEASE + ".until", Date.from(now)), eq(LEASE + ".owner", owner));
        Holding holding = new Holding(until);
        if (held.putIfAbsent(document, holding) != null) {
            // another thread of this instance is relaying it, and goes round again when it is done
            return false;
        }
        try {
            Document claimed = Mono.from(documents.findOneAndUpdate(
                            and(eq("_id", id), exists(OutboxEvent.FIELD + ".0"), claimable),
                            set(LEASE, new Document("owner", owner).append("until", Date.from(until))),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)))
                    .block(MONGO_TIMEOUT);
            if (claimed == null) {
                return false;
            }
            boolean owned = publishAll(documents, collection, id, holding,
                    claimed.getList(OutboxEvent.FIELD, Document.class));
            if (owned) {
                release(documents, id);
            }
            return owned;
        } catch (RuntimeException e) {
            // an Error (a crash, in the tests) leaves the lease for this instance's restart to reclaim
            releaseQuietly(documents, id);
            throw e;
        } finally {
            held.remove(document);
        }
    }

    /** Publishes and removes each event in order; false as soon as the lease turns out to be another's. */
    private boolean publishAll(MongoCollection<Document> documents, String collection, Object id, Holding holding,
            List<Document> events) {
        for (Document stored : events) {
            OutboxEvent event = mongo.getConverter().read(OutboxEvent.class, stored);
            if (!stillOwned(documents, collection, id, holding, event.eventId(), true)) {
                return false;
            }
            hook.at(RelayHook.Point.BEFORE_PUBLISH, collection, id, event.eventId());
            try {
                publisher.publish(event);
            } catch (RuntimeException e) {
                Throwable permanent = PublicationFailures.permanentCause(e);
                if (permanent == null) {
                    throw e;
                }
                if (!park(documents, collection, id, holding, stored, event, permanent)) {
                    return false;
                }
                continue;
            }
            hook.at(RelayHook.Point.AFTER_PUBLISH, collection, id, event.eventId());
            if (!stillOwned(documents, collection, id, holding, event.eventId(), false)
                    || !removeIfOwned(documents, collection, id, event.eventId())) {
                return false;
            }
            hook.at(RelayHook.Point.REMOVED, collection, id, event.eventId());
            record(event);
        }
        return !events.isEmpty();
    }

    /**
     * Whether the lease is still ours, renewing it when this instance's own clock says it has expired
     * (before a removal) or that less than half of it is left (before a publication). The renewal is
     * conditional on the document naming us as the owner, so it never takes a lease back from an
     * instance that claimed it after ours expired.
     */
    private boolean stillOwned(MongoCollection<Document> documents, String collection, Object id, Holding holding,
            String eventId, boolean beforePublication) {
        Instant now = clock.instant();
        Duration margin = beforePublication ? properties.lease().dividedBy(2) : Duration.ZERO;
        if (!holding.lost && now.plus(margin).isBefore(holding.until)) {
            return true;
        }
        if (!holding.lost && renew(documents, id, holding, now)) {
            return true;
        }
        fence(collection, id, eventId);
        return false;
    }

    private boolean renew(MongoCollection<Document> documents, Object id, Holding holding, Instant now) {
        Instant until = now.plus(properties.lease());
        UpdateResult renewed = Mono.from(documents.updateOne(and(eq("_id", id), eq(LEASE + ".owner", owner)),
                set(LEASE + ".until", Date.from(until)))).block(MONGO_TIMEOUT);
        if (renewed == null || renewed.getMatchedCount() == 0) {
            holding.lost = true;
            return false;
        }
        holding.until = until;
        return true;
    }

    private boolean removeIfOwned(MongoCollection<Document> documents, String collection, Object id, String eventId) {
        UpdateResult removed = Mono.from(documents.updateOne(and(eq("_id", id), eq(LEASE + ".owner", owner)),
                pull(OutboxEvent.FIELD, eq("eventId", eventId)))).block(MONGO_TIMEOUT);
        if (removed == null || removed.getMatchedCount() == 0) {
            fence(collection, id, eventId);
            return false;
        }
        return true;
    }

    private void fence(String collection, Object id, String eventId) {
        fenced.increment();
        hook.at(RelayHook.Point.FENCED, collection, id, eventId);
        log.warn("outbox relay {} lost the lease of {} {} to another instance; it leaves event {} to that one",
                owner, collection, id, eventId);
    }

    /** Moves the event to the parked events, where an operator finds it, and lets the next one through. */
    private boolean park(MongoCollection<Document> documents, String collection, Object id, Holding holding,
            Document stored, OutboxEvent event, Throwable reason) {
        if (!stillOwned(documents, collection, id, holding, event.eventId(), false)) {
            return false;
        }
        // parked first, removed second: a crash in between parks it again, under the same id
        parked.park(collection, id, stored, reason.toString(), clock.instant(), owner);
        if (!removeIfOwned(documents, collection, id, event.eventId())) {
            return false;
        }
        Counter.builder("isecg.outbox.parked").tag("collection", collection).tag("type", event.type())
                .description("Events parked because they can never be published").register(meters).increment();
        parkedEvents.getOrDefault(collection, new AtomicLong()).incrementAndGet();
        hook.at(RelayHook.Point.PARKED, collection, id, event.eventId());
        log.error("outbox event {} ({}) of {} {} can never be published and is parked in {}; the aggregate's "
                + "later events go on. Re-queue it once the cause is fixed: {}", event.eventId(), event.type(),
                collection, id, ParkedEvents.COLLECTION, reason.toString());
        return true;
    }

    private void release(MongoCollection<Document> documents, Object id) {
        Mono.from(documents.updateOne(and(eq("_id", id), eq(LEASE + ".owner", owner)), unset(LEASE)))
                .block(MONGO_TIMEOUT);
    }

    private void releaseQuietly(MongoCollection<Document> documents, Object id) {
        try {
            release(documents, id);
        } catch (RuntimeException e) {
            log.debug("could not release the lease of {}; it expires", id, e);
        }
    }

    /** Extends the leases this instance holds, so that a publication slower than the lease keeps it. */
    private void renewHeld() {
        for (Map.Entry<Pending, Holding> entry : held.entrySet()) {
            Holding holding = entry.getValue();
            if (holding.lost) {
                continue;
            }
            try {
                renew(collection(entry.getKey().collection()), entry.getKey().id(), holding, clock.instant());
            } catch (RuntimeException e) {
                log.debug("could not renew the lease of {}; the relay renews before its next step", entry.getKey(), e);
            }
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

    private static ScheduledExecutorService singleThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
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
        ScheduledExecutorService beating = singleThread("outbox-lease");
        long renewal = Math.max(1, properties.lease().toMillis() / 3);
        beating.scheduleWithFixedDelay(this::renewHeld, renewal, renewal, TimeUnit.MILLISECONDS);
        heartbeat = beating;
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

    /** A lease this instance holds, as far as it knows: until when, by its own clock, and whether it lost it. */
    private static final class Holding {
        volatile Instant until;
        volatile boolean lost;

        Holding(Instant until) {
            this.until = until;
        }
    }
}
