package org.isecg.events.inbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes a replica entry, kept from another service's events, only if the event is newer than the
 * stored one: the filter matches an older version or nothing, and when a newer version is stored the
 * upsert collides on the id. Blocking, as a handler runs on its consumer thread. A plain function, so
 * that every service's replica calls it in the open (no bean, nothing registered).
 */
public final class VersionedUpsert {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private VersionedUpsert() {
    }

    /** @return whether the entry was written; false when the replica already held that version or a newer one */
    public static boolean apply(ReactiveMongoOperations mongo, String collection, String id, long version, Update update) {
        try {
            mongo.upsert(query(where("_id").is(id).and("version").lt(version)), update.set("version", version),
                    collection).block(TIMEOUT);
            return true;
        } catch (DuplicateKeyException newerAlreadyApplied) {
            return false;
        }
    }
}
