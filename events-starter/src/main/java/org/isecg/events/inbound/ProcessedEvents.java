package org.isecg.events.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The ids of the events each consumer has handled, so that a redelivered event is skipped. Ids are
 * remembered for a retention period: real MongoDB expires them through a TTL index; the embedded
 * server ignores TTL indexes, so {@link ProcessedEventsPurge} also deletes them on a schedule.
 * Blocking: it runs on the binder's consumer threads.
 */
public class ProcessedEvents implements InitializingBean {

    static final String COLLECTION = "processed_events";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEvents(ReactiveMongoOperations mongo, Clock clock, Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    /** Declares the TTL index at start-up; a failure stops the start rather than passing unnoticed. */
    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("at", Sort.Direction.ASC).expire(retention.toSeconds(), TimeUnit.SECONDS))
                .block(TIMEOUT);
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

    /** Forgets the ids recorded longer ago than the retention; returns how many. */
    public long purge() {
        Date before = Date.from(clock.instant().minus(retention));
        Long deleted = mongo.remove(Query.query(Criteria.where("at").lt(before)), COLLECTION)
                .map(result -> result.getDeletedCount()).block(TIMEOUT);
        return deleted == null ? 0 : deleted;
    }

    /** How many ids are remembered now. */
    public long size() {
        Long count = mongo.count(new Query(), COLLECTION).block(TIMEOUT);
        return count == null ? 0 : count;
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
