package org.isecg.events.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.DeleteResult;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relay's leases: one document per aggregate document being relayed,
 * {@code {_id: "<collection>/<id>", collection, document, owner, claim, until}}, in a collection of
 * their own, {@value #COLLECTION}, that holds only the leases held right now.
 *
 * <p>They live apart from the aggregates so that every write the relay makes to an aggregate
 * document is by id alone. A conditional write on an aggregate ({@code _id} and a lease condition)
 * is an index lookup on MongoDB, but the embedded MongoDB-compatible server of the local stack uses
 * its {@code _id} index only for a query on {@code _id} alone and scans the whole collection for any
 * other: with the lease in the aggregate, every claim and removal cost a scan of the collection, and
 * the relay slowed down as the collection grew. Conditional writes here scan only the leases held.
 *
 * <p>A claim inserts the lease (the unique {@code _id} admits one holder) and, where one exists,
 * takes it over if it has expired or is this instance's own (an instance that restarts takes its
 * documents back at once), on the condition that it still carries the claim read: two instances
 * that find the same expired lease cannot both take it.
 */
public class OutboxLeases {

    public static final String COLLECTION = "outbox_leases";
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;
    private final String owner;
    private volatile MongoCollection<Document> leases;

    OutboxLeases(ReactiveMongoOperations mongo, String owner) {
        this.mongo = mongo;
        this.owner = owner;
    }

    /**
     * Takes the leases of the documents that are free, expired or this instance's; returns the ids
     * of those taken, in the order given.
     */
    List<Object> claim(String collection, List<Object> ids, String claim, Instant now, Instant until) {
        Map<String, Object> byKey = keyed(collection, ids);
        Set<String> contested = insert(collection, byKey, claim, until);
        if (!contested.isEmpty()) {
            takeOver(collection, byKey, contested, claim, now, until);
        }
        List<Object> claimed = new ArrayList<>();
        for (Map.Entry<String, Object> entry : byKey.entrySet()) {
            if (!contested.contains(entry.getKey())) {
                claimed.add(entry.getValue());
            }
        }
        return claimed;
    }

    /** Inserts a lease for each key; returns the keys that already had one. */
    private Set<String> insert(String collection, Map<String, Object> byKey, String claim, Instant until) {
        List<String> keys = new ArrayList<>(byKey.keySet());
        List<Document> fresh = new ArrayList<>(keys.size());
        for (String key : keys) {
            fresh.add(lease(key, collection, byKey.get(key), claim, until));
        }
        Set<String> contested = new HashSet<>();
        try {
            Mono.from(leases().insertMany(fresh, new InsertManyOptions().ordered(false))).block(MONGO_TIMEOUT);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                contested.add(keys.get(error.getIndex()));
            }
        }
        return contested;
    }

    /**
     * Takes over the contested leases that have expired or are this instance's own, each on the
     * condition that it still carries the claim read; removes from {@code contested} those taken.
     */
    private void takeOver(String collection, Map<String, Object> byKey, Set<String> contested, String claim,
            Instant now, Instant until) {
        Map<String, Document> held = byKey(Flux.from(leases().find(in("_id", List.copyOf(contested)))));
        List<WriteModel<Document>> takeovers = new ArrayList<>();
        List<String> taking = new ArrayList<>();
        Map<String, Object> released = new LinkedHashMap<>();
        for (String key : contested) {
            Document lease = held.get(key);
            if (lease == null) {
                // released since the insert: free again
                released.put(key, byKey.get(key));
            } else if (owner.equals(lease.getString("owner")) || lease.getDate("until").toInstant().isBefore(now)) {
                takeovers.add(new ReplaceOneModel<>(and(eq("_id", key), eq("claim", lease.getString("claim"))),
                        lease(key, collection, byKey.get(key), claim, until)));
                taking.add(key);
            }
        }
        if (!released.isEmpty()) {
            Set<String> stillContested = insert(collection, released, claim, until);
            released.keySet().stream().filter(key -> !stillContested.contains(key)).forEach(contested::remove);
        }
        if (takeovers.isEmpty()) {
            return;
        }
        var result = Mono.from(leases().bulkWrite(takeovers, new BulkWriteOptions().ordered(false)))
                .block(MONGO_TIMEOUT);
        if (result != null && result.getMatchedCount() == taking.size()) {
            taking.forEach(contested::remove);
            return;
        }
        Set<String> ours = carrying(taking, claim);
        ours.forEach(contested::remove);
    }

    /**
     * Extends the leases that still carry the claim; returns the ids of those that no longer do:
     * another instance took them over.
     */
    Set<Object> renew(String collection, List<Object> ids, String claim, Instant until) {
        Map<String, Object> byKey = keyed(collection, ids);
        UpdateResult renewed = Mono.from(leases().updateMany(and(in("_id", List.copyOf(byKey.keySet())),
                eq("claim", claim)), set("until", Date.from(until)))).block(MONGO_TIMEOUT);
        if (renewed != null && renewed.getMatchedCount() == ids.size()) {
            return Set.of();
        }
        Set<String> ours = carrying(byKey.keySet(), claim);
        Set<Object> lost = new HashSet<>();
        byKey.forEach((key, id) -> {
            if (!ours.contains(key)) {
                lost.add(id);
            }
        });
        return lost;
    }

    /** Gives up the leases that still carry the claim. */
    void release(String collection, List<Object> ids, String claim) {
        List<String> keys = ids.stream().map(id -> key(collection, id)).toList();
        Mono.from(leases().deleteMany(and(in("_id", keys), eq("claim", claim)))).block(MONGO_TIMEOUT);
    }

    /** Removes the leases that expired before the instant: left by instances that died holding them. */
    long expire(Instant before) {
        DeleteResult expired = Mono.from(leases().deleteMany(lt("until", Date.from(before)))).block(MONGO_TIMEOUT);
        return expired == null ? 0 : expired.getDeletedCount();
    }

    /** The lease of a document, if one is held; for operators and tests. */
    public Document of(String collection, Object id) {
        return Mono.from(leases().find(eq("_id", key(collection, id))).first()).block(MONGO_TIMEOUT);
    }

    private Set<String> carrying(Iterable<String> keys, String claim) {
        List<String> asked = new ArrayList<>();
        keys.forEach(asked::add);
        Set<String> ours = new HashSet<>();
        byKey(Flux.from(leases().find(in("_id", asked)))).forEach((key, lease) -> {
            if (claim.equals(lease.getString("claim"))) {
                ours.add(key);
            }
        });
        return ours;
    }

    private static Map<String, Document> byKey(Flux<Document> found) {
        Map<String, Document> byKey = new LinkedHashMap<>();
        List<Document> all = found.collectList().block(MONGO_TIMEOUT);
        for (Document lease : all == null ? List.<Document>of() : all) {
            byKey.put(lease.getString("_id"), lease);
        }
        return byKey;
    }

    private Document lease(String key, String collection, Object id, String claim, Instant until) {
        return new Document("_id", key).append("collection", collection).append("document", id)
                .append("owner", owner).append("claim", claim).append("until", Date.from(until));
    }

    /** The documents' lease keys, in the order given, each with its document's id. */
    private static Map<String, Object> keyed(String collection, List<Object> ids) {
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (Object id : ids) {
            byKey.put(key(collection, id), id);
        }
        return byKey;
    }

    private static String key(String collection, Object id) {
        return collection + "/" + id;
    }

    private MongoCollection<Document> leases() {
        MongoCollection<Document> current = leases;
        if (current == null) {
            current = mongo.getCollection(COLLECTION).block(MONGO_TIMEOUT);
            leases = current;
        }
        return current;
    }
}
