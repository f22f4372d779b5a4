package org.isecg.events.outbox;

import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.pull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One batch of documents of one collection, relayed together, at a fixed number of round trips
 * whatever its size:
 * <ol>
 * <li><b>claim</b>: one write takes the {@link OutboxLeases lease} of every document of the batch
 *     that is free, expired or this instance's own, stamped with the batch's claim id, while one
 *     read by id fetches the documents' pending events;</li>
 * <li><b>publish</b>, in rounds: each round sends the next event of every document at once and
 *     waits for the broker's acknowledgements, so documents are published concurrently while each
 *     document's events go one after the other;</li>
 * <li><b>remove and release</b>: one bulk write removes from each document the events the broker
 *     acknowledged (or that were parked), and one write releases the leases.</li>
 * </ol>
 * The claim id is the fence: before each round once half the lease has passed (and from the
 * relay's heartbeat), the batch renews its leases on the condition that they still carry its
 * claim; a document whose lease was taken over (it expired while the relay was paused, and another
 * instance claimed it) is dropped from the batch, which publishes and removes nothing more of it.
 * Removing an event the broker has acknowledged is safe whoever holds the lease, since event ids
 * are unique; what the fence prevents is publishing behind the new owner.
 */
final class RelayBatch {

    private static final Logger log = LoggerFactory.getLogger(RelayBatch.class);
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    /** What every batch of one relay instance shares. */
    record Relaying(ReactiveMongoOperations mongo, CloudEventPublisher publisher, ParkedEvents parked,
            OutboxLeases leases, RelayHook hook, Clock clock, Duration lease, String owner, RelayMetrics metrics) {
    }

    private final Relaying relaying;
    private final String collection;
    private final MongoCollection<Document> documents;
    private final String claim = UUID.randomUUID().toString();
    private final Map<Object, Work> work = new LinkedHashMap<>();
    private final Set<Object> takenOver = ConcurrentHashMap.newKeySet();
    private volatile Instant until;

    RelayBatch(Relaying relaying, String collection, MongoCollection<Document> documents) {
        this.relaying = relaying;
        this.collection = collection;
        this.documents = documents;
    }

    /**
     * Relays the documents; returns those of which it published or parked something and removed it,
     * still owning their lease. A runtime failure releases the leases it can and is thrown; an
     * {@link Error} leaves them, as a crash would.
     */
    Set<Object> run(List<Object> ids) {
        for (Object id : ids) {
            relaying.hook().at(RelayHook.Point.BEFORE_CLAIM, collection, id, null);
        }
        // the read goes with the claim, not after it: one round trip less for a lone write. An event
        // appended after the read is relayed by the batch its write's signal makes; one that another
        // instance published and removed between the read and the claim is published again, which
        // consumers ignore
        CompletableFuture<List<Document>> reading = Flux.from(documents.find(in("_id", ids))
                .projection(Projections.include(OutboxEvent.FIELD))).collectList().toFuture();
        Instant now = relaying.clock().instant();
        until = now.plus(relaying.lease());
        List<Object> claimed;
        try {
            claimed = relaying.leases().claim(collection, ids, claim, now, until);
        } catch (RuntimeException e) {
            reading.cancel(true);
            throw e;
        }
        if (claimed.isEmpty()) {
            reading.cancel(true);
            return Set.of();
        }
        try {
            read(claimed, reading);
            publish();
            Set<Object> removed = remove();
            release();
            return removed;
        } catch (RuntimeException e) {
            releaseQuietly(claimed);
            throw e;
        }
    }

    /**
     * Extends the leases of the documents still being relayed; from the relay's heartbeat, so that a
     * publication slower than the lease keeps them. A document found taken over is dropped by the
     * batch's own thread, at its next round.
     */
    void renew() {
        takenOver.addAll(extend());
    }

    /** Extends the leases still carrying this batch's claim; returns the documents whose lease is another's. */
    private synchronized Set<Object> extend() {
        List<Object> active = work.values().stream().filter(document -> !document.lost).map(document -> document.id)
                .toList();
        if (active.isEmpty()) {
            return Set.of();
        }
        Instant next = relaying.clock().instant().plus(relaying.lease());
        Set<Object> lost = relaying.leases().renew(collection, active, claim, next);
        until = next;
        return lost;
    }

    /** The pending events of the claimed documents, from the read by id that went with the claim. */
    private void read(List<Object> claimed, CompletableFuture<List<Document>> reading) {
        List<Document> found;
        try {
            found = reading.get(MONGO_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the outbox read of " + collection + " took longer than " + MONGO_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the outbox of " + collection, e);
        }
        Map<Object, Document> byId = new LinkedHashMap<>();
        for (Document document : found == null ? List.<Document>of() : found) {
            byId.put(document.get("_id"), document);
        }
        for (Object id : claimed) {
            // a document gone, or whose events another instance published meanwhile, has none
            Document document = byId.get(id);
            List<Document> stored = document == null ? List.of()
                    : document.getList(OutboxEvent.FIELD, Document.class, List.of());
            work.put(id, new Work(id, stored));
        }
    }

    /** Publishes in rounds: the next event of every document at once, until none is left or all stopped. */
    private void publish() {
        while (true) {
            keepLease();
            List<Work> round = work.values().stream().filter(Work::hasNext).toList();
            if (round.isEmpty()) {
                return;
            }
            List<CompletableFuture<Instant>> acknowledgements = new ArrayList<>(round.size());
            for (Work document : round) {
                OutboxEvent event = document.next();
                relaying.hook().at(RelayHook.Point.BEFORE_PUBLISH, collection, document.id, event.eventId());
                acknowledgements.add(send(event));
            }
            Throwable transientFailure = null;
            int failed = 0;
            for (int i = 0; i < round.size(); i++) {
                Work document = round.get(i);
                OutboxEvent event = document.next();
                Instant acknowledged;
                try {
                    acknowledged = acknowledgements.get(i).join();
                } catch (CompletionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    Throwable permanent = PublicationFailures.permanentCause(cause);
                    if (permanent != null) {
                        park(document, event, permanent);
                    } else {
                        // the event, and those behind it, wait for the next sweep
                        document.stopped = true;
                        transientFailure = cause;
                        failed++;
                    }
                    continue;
                }
                relaying.metrics().published(event, acknowledged);
                relaying.hook().at(RelayHook.Point.AFTER_PUBLISH, collection, document.id, event.eventId());
                document.published(event);
            }
            if (transientFailure != null) {
                relaying.metrics().failed(failed);
                log.warn("outbox relay of {} document(s) of {} failed, the sweep will retry: {}", failed, collection,
                        transientFailure.toString());
            }
        }
    }

    private CompletableFuture<Instant> send(OutboxEvent event) {
        CompletableFuture<?> sent;
        try {
            sent = relaying.publisher().publish(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Clock clock = relaying.clock();
        return sent.thenApply(acknowledged -> clock.instant());
    }

    /**
     * Drops the documents the heartbeat found taken over, and renews the leases once the batch's own
     * clock says that less than half of them is left.
     */
    private void keepLease() {
        Instant now = relaying.clock().instant();
        if (!now.plus(relaying.lease().dividedBy(2)).isBefore(until)) {
            takenOver.addAll(extend());
        }
        for (Object id : List.copyOf(takenOver)) {
            lose(work.get(id));
        }
    }

    /** Moves the event to the parked events, where an operator finds it, and lets the next one through. */
    private void park(Work document, OutboxEvent event, Throwable reason) {
        // parked first, removed with the others: a crash in between parks it again, under the same id
        relaying.parked().park(collection, document.id, document.stored.get(document.next), reason.toString(),
                relaying.clock().instant(), relaying.owner());
        document.parked(event, reason);
    }

    /**
     * One bulk write: each document still ours loses the events it published or parked. Returns the
     * documents removed from.
     */
    private Set<Object> remove() {
        List<Work> removing = work.values().stream().filter(document -> !document.lost && !document.removable.isEmpty())
                .toList();
        if (removing.isEmpty()) {
            return Set.of();
        }
        List<WriteModel<Document>> writes = new ArrayList<>(removing.size());
        for (Work document : removing) {
            // by id alone, which every MongoDB-compatible server looks up in its _id index
            writes.add(new UpdateOneModel<>(new Document("_id", document.id),
                    pull(OutboxEvent.FIELD, in("eventId", document.removable))));
        }
        Mono.from(documents.bulkWrite(writes, new BulkWriteOptions().ordered(false))).block(MONGO_TIMEOUT);
        Set<Object> removed = new HashSet<>();
        for (Work document : removing) {
            removed.add(document.id);
            for (OutboxEvent event : document.publishedEvents) {
                relaying.hook().at(RelayHook.Point.REMOVED, collection, document.id, event.eventId());
            }
            for (Map.Entry<OutboxEvent, Throwable> parked : document.parkedEvents.entrySet()) {
                OutboxEvent event = parked.getKey();
                relaying.metrics().parked(collection, event);
                relaying.hook().at(RelayHook.Point.PARKED, collection, document.id, event.eventId());
                log.error("outbox event {} ({}) of {} {} can never be published and is parked in {}; the aggregate's "
                        + "later events go on. Re-queue it once the cause is fixed: {}", event.eventId(), event.type(),
                        collection, document.id, ParkedEvents.COLLECTION, parked.getValue().toString());
            }
        }
        return removed;
    }

    private void release() {
        List<Object> ours = work.values().stream().filter(document -> !document.lost).map(document -> document.id)
                .toList();
        if (!ours.isEmpty()) {
            relaying.leases().release(collection, ours, claim);
        }
    }

    /** The document's lease is another's: it publishes and removes nothing more. */
    private void lose(Work document) {
        if (document == null || document.lost) {
            return;
        }
        document.lost = true;
        String eventId = document.firstUnremoved();
        relaying.metrics().fenced();
        relaying.hook().at(RelayHook.Point.FENCED, collection, document.id, eventId);
        log.warn("outbox relay {} lost the lease of {} {} to another instance; it leaves event {} to that one",
                relaying.owner(), collection, document.id, eventId);
    }

    private void releaseQuietly(List<Object> claimed) {
        try {
            relaying.leases().release(collection, claimed, claim);
        } catch (RuntimeException e) {
            log.debug("could not release the leases of {} documents of {}; they expire", claimed.size(), collection, e);
        }
    }

    /** One document of the batch: its pending events, and how far the batch got with them. */
    private final class Work {
        final Object id;
        final List<Document> stored;
        final List<OutboxEvent> events;
        final List<String> removable = new ArrayList<>();
        final List<OutboxEvent> publishedEvents = new ArrayList<>();
        final Map<OutboxEvent, Throwable> parkedEvents = new LinkedHashMap<>();
        int next;
        boolean stopped;
        volatile boolean lost;

        Work(Object id, List<Document> stored) {
            this.id = id;
            this.stored = stored;
            this.events = stored.stream().map(event -> relaying.mongo().getConverter().read(OutboxEvent.class, event))
                    .toList();
        }

        boolean hasNext() {
            return !stopped && !lost && next < events.size();
        }

        OutboxEvent next() {
            return events.get(next);
        }

        void published(OutboxEvent event) {
            publishedEvents.add(event);
            removable.add(event.eventId());
            next++;
        }

        void parked(OutboxEvent event, Throwable reason) {
            parkedEvents.put(event, reason);
            removable.add(event.eventId());
            next++;
        }

        /** The first event the batch took on and did not remove: what another relay now owns. */
        String firstUnremoved() {
            if (!removable.isEmpty()) {
                return removable.get(0);
            }
            return next < events.size() ? events.get(next).eventId() : null;
        }
    }
}
