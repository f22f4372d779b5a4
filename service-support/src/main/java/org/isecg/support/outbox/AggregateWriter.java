package org.isecg.support.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.function.Function;

import org.bson.Document;
import org.isecg.contracts.DomainEvent;
import org.isecg.support.problem.ConflictException;
import org.isecg.support.problem.NotFoundException;
import org.isecg.support.problem.VersionMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The two writes of an aggregate with an outbox: create it with its first event, and change it
 * with its next event if it is still at the version the client read. Each is one atomic document
 * write; the relay is signalled as soon as it succeeds.
 */
public class AggregateWriter {

    private final ReactiveMongoOperations mongo;
    private final OutboxEvents outboxEvents;
    private final OutboxRelay relay;

    public AggregateWriter(ReactiveMongoOperations mongo, OutboxEvents outboxEvents, OutboxRelay relay) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.relay = relay;
    }

    /** The event wrapped for the outbox of a document about to be created. */
    public OutboxEvent firstEvent(DomainEvent event) {
        return outboxEvents.wrap(event);
    }

    /**
     * Inserts a new aggregate document whose outbox already holds its first event.
     *
     * @param kind what the aggregate is called in messages, e.g. {@code agency}
     */
    public <D> Mono<D> create(D document, String collection, Function<D, String> id, String kind) {
        return mongo.insert(document, collection)
                .onErrorMap(DuplicateKeyException.class,
                        e -> new ConflictException(kind + " '" + id.apply(document) + "' already exists"))
                .doOnNext(stored -> relay.signal(collection, id.apply(stored)));
    }

    /**
     * Applies the update and appends the event (whose version becomes the document's) if the
     * document is still at {@code expectedVersion}; otherwise fails with a version mismatch, or
     * not found.
     */
    public <D> Mono<D> change(Class<D> type, String collection, String kind, String id, long expectedVersion,
            Update update, DomainEvent event) {
        Update withEvent = outboxEvents.append(update.set("version", event.version()), event);
        return mongo.findAndModify(query(where("_id").is(id).and("version").is(expectedVersion)), withEvent,
                        FindAndModifyOptions.options().returnNew(true), type, collection)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(id, Document.class, collection)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(kind, id)))
                        .flatMap(current -> Mono.error(new VersionMismatchException(kind, id, expectedVersion,
                                current.get("version", Number.class).longValue())))))
                .doOnNext(stored -> relay.signal(collection, id));
    }
}
