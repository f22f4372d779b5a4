package org.isecg.events.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.isecg.contracts.DomainEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The one way to write an aggregate with its outbox, in every service: create it with its first
 * event, and change it with its next event if it is still at the version the change was based on.
 * Each is one atomic single-document write; the relay is signalled as soon as it succeeds. Failures
 * the caller can act on are {@link AggregateWriteException}s.
 */
public class AggregateWriter {

    private final ReactiveMongoOperations mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;
    private final OutboxCollections collections;

    public AggregateWriter(ReactiveMongoOperations mongo, OutboxEvents outboxEvents, OutboxRelay relay,
            OutboxCollections collections) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
        this.collections = collections;
    }

    /** The event wrapped for the outbox of a document about to be created. */
    public OutboxEvent firstEvent(DomainEvent event) {
        return outboxEvents.wrap(event);
    }

    /**
     * Inserts a new aggregate document whose outbox already holds its first event.
     *
     * @param kind what the aggregate is called in messages, e.g. {@code agency}
     * @throws AggregateWriteException.AlreadyExists (in the Mono) when its id, or another unique key, is taken
     */
    public <D extends OutboxAggregate> Mono<D> create(D document, String kind) {
        String collection = collections.requireSwept(document.getClass());
        return mongo.insert(document, collection)
                .onErrorMap(DuplicateKeyException.class, e -> new AggregateWriteException.AlreadyExists(kind, idOf(document)))
                .doOnNext(stored -> relay.signal(collection, idOf(stored)));
    }

    /**
     * Applies the update and appends the event (whose version becomes the document's) if the
     * document is still at {@code expectedVersion}.
     *
     * @throws AggregateWriteException.StaleVersion or {@link AggregateWriteException.NotFound} (in the Mono)
     */
    public <D extends OutboxAggregate> Mono<D> change(Class<D> type, String kind, String id, long expectedVersion,
            Update update, DomainEvent event) {
        String collection = collections.requireSwept(type);
        Update withEvent = outboxEvents.append(update.set("version", event.version()), event);
        return mongo.findAndModify(query(where("_id").is(id).and("version").is(expectedVersion)), withEvent,
                        FindAndModifyOptions.options().returnNew(true), type, collection)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(id, Document.class, collection)
                        .switchIfEmpty(Mono.error(() -> new AggregateWriteException.NotFound(kind, id)))
                        .flatMap(current -> Mono.error(new AggregateWriteException.StaleVersion(kind, id, expectedVersion,
                                current.get("version", Number.class).longValue())))))
                .doOnNext(stored -> relay.signal(collection, id));
    }

    private String idOf(Object document) {
        Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier();
        return id.toString();
    }
}
