package org.isecg.events.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Updates.push;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Events the relay could never publish, moved out of their aggregate's outbox (collection
 * {@value #COLLECTION}, one document per event, keyed by event id) so that the aggregate's later
 * events flow. An operator lists them and, once the cause is fixed, re-queues them: the event goes
 * back to the end of its aggregate's outbox, behind whatever was written since.
 */
public class ParkedEvents {

    public static final String COLLECTION = "outbox_parked";
    private static final Duration MONGO_TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;

    public ParkedEvents(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /**
     * One parked event.
     *
     * @param collection  the outbox collection of its aggregate
     * @param aggregateId the id of the aggregate's document
     * @param reason      the permanent failure that parked it
     * @param parkedBy    the relay instance that parked it
     */
    public record ParkedEvent(String eventId, String collection, Object aggregateId, String type, String topic,
            String reason, Instant parkedAt, String parkedBy) {
    }

    /** Stores the event; idempotent, so parking it again after a crash changes nothing. */
    void park(String collection, Object aggregateId, Document event, String reason, Instant at, String by) {
        Document parked = new Document("_id", event.getString("eventId")).append("collection", collection)
                .append("aggregateId", aggregateId).append("event", event).append("reason", reason)
                .append("parkedAt", Date.from(at)).append("parkedBy", by);
        Mono.from(parked().replaceOne(eq("_id", parked.get("_id")), parked, new ReplaceOptions().upsert(true)))
                .block(MONGO_TIMEOUT);
    }

    long count(String collection) {
        Long count = Mono.from(parked().countDocuments(eq("collection", collection))).block(MONGO_TIMEOUT);
        return count == null ? 0 : count;
    }

    /** Every parked event, oldest first. */
    public List<ParkedEvent> list() {
        return Flux.from(parked().find().sort(Sorts.ascending("parkedAt"))).map(ParkedEvents::summary)
                .collectList().block(MONGO_TIMEOUT);
    }

    /**
     * Puts the event back at the end of its aggregate's outbox and forgets it here; the caller signals
     * the relay. Idempotent: an event already back in the outbox is not appended twice.
     *
     * @return the re-queued event, or null if no event of that id is parked
     * @throws IllegalStateException if its aggregate's document no longer exists
     */
    public ParkedEvent requeue(String eventId) {
        Document parked = Mono.from(parked().find(eq("_id", eventId)).first()).block(MONGO_TIMEOUT);
        if (parked == null) {
            return null;
        }
        String collection = parked.getString("collection");
        Object aggregateId = parked.get("aggregateId");
        MongoCollection<Document> documents = mongo.getCollection(collection).block(MONGO_TIMEOUT);
        Document exists = Mono.from(documents.find(eq("_id", aggregateId)).first()).block(MONGO_TIMEOUT);
        if (exists == null) {
            throw new IllegalStateException("the aggregate " + aggregateId + " of parked event " + eventId
                    + " is no longer in " + collection);
        }
        Mono.from(documents.updateOne(and(eq("_id", aggregateId), ne(OutboxEvent.FIELD + ".eventId", eventId)),
                push(OutboxEvent.FIELD, parked.get("event", Document.class)))).block(MONGO_TIMEOUT);
        Mono.from(parked().deleteOne(eq("_id", eventId))).block(MONGO_TIMEOUT);
        return summary(parked);
    }

    private static ParkedEvent summary(Document parked) {
        Document event = parked.get("event", Document.class);
        return new ParkedEvent(parked.getString("_id"), parked.getString("collection"), parked.get("aggregateId"),
                event.getString("type"), event.getString("topic"), parked.getString("reason"),
                parked.getDate("parkedAt").toInstant(), parked.getString("parkedBy"));
    }

    private MongoCollection<Document> parked() {
        return mongo.getCollection(COLLECTION).block(MONGO_TIMEOUT);
    }
}
