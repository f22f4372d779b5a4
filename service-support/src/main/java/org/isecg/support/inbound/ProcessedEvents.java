package org.isecg.support.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The ids of the events each consumer has handled, so that a redelivered event is skipped.
 * Entries expire through a TTL index on real MongoDB (a redelivery comes within minutes, not
 * weeks); the embedded server ignores TTL indexes, which only costs disk there.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;
    private final Clock clock;

    public ProcessedEvents(ReactiveMongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean seen(String consumer, String eventId) {
        Boolean exists = mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION)
                .block(TIMEOUT);
        return Boolean.TRUE.equals(exists);
    }

    public void record(String consumer, String eventId) {
        Document entry = new Document("_id", key(consumer, eventId)).append("at", Date.from(clock.instant()));
        try {
            mongo.insert(entry, COLLECTION).block(TIMEOUT);
        } catch (DuplicateKeyException alreadyRecorded) {
            // a concurrent redelivery got there first: the outcome is the same
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
