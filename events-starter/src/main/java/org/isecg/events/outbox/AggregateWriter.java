package org.isecg.events.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.bson.Document;
import org.isecg.contracts.DomainEvent;
import org.isecg.web.resource.IfMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

/**
 * The one way to write an aggregate with its outbox, in every service: create it with its first
 * event, and change it with its next event if it is still at the version the change was based on.
 * Each is one atomic single-document write; the relay is signalled as soon as it succeeds. Failures
 * the caller can act on are {@link AggregateWriteException}s.
 *
 * <p>A write may put several events of its aggregate and version into the outbox at once (an event
 * and its twin of another contract version, docs/architecture.md "Versioning events"); they are
 * published in the order given. The history still keeps one entry per version, named after the
 * first of them: it records who made each version, not how many ways it was announced.
 *
 * <p>A create may be made under an idempotency key ({@link IdempotencyRecord}), which is then part
 * of the inserted document. Every aggregate collection has a unique index on the key's caller and
 * value, declared at start-up; a failure to declare it stops the start, because without it two
 * instances could create the same aggregate twice for one key.
 */
public class AggregateWriter implements InitializingBean {

    static final String IDEMPOTENCY_INDEX = "idempotency_caller_key";
    private static final Logger log = LoggerFactory.getLogger(AggregateWriter.class);
    private static final Duration INDEX_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How often a change conditional on an {@link IfMatch} that still matches is tried again when a
     * concurrent writer got in between its read and its write (only {@code *} and lists can still match).
     */
    static final int ATTEMPTS = 3;

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

    /**
     * Declares the unique index on (caller, key) of the idempotency record in every aggregate
     * collection. Sparse, so that the documents created without a key, which have no record, do not
     * collide with each other.
     */
    @Override
    public void afterPropertiesSet() {
        for (String collection : collections.names()) {
            mongo.indexOps(collection).createIndex(new Index()
                            .on(IdempotencyRecord.CALLER, Sort.Direction.ASC).on(IdempotencyRecord.KEY, Sort.Direction.ASC)
                            .unique().sparse().named(IDEMPOTENCY_INDEX))
                    .block(INDEX_TIMEOUT);
        }
    }

    /** The event wrapped for the outbox of a document about to be created, by that actor. */
    public OutboxEvent firstEvent(DomainEvent event, Actor actor) {
        return outboxEvents.wrap(event, actor);
    }

    /**
     * The events, of one aggregate and version, wrapped in the order given for the outbox of a
     * document about to be created, by that actor. The history's entry is named after the first.
     *
     * @throws IllegalArgumentException when there is none, or they are of different aggregates or versions
     */
    public List<OutboxEvent> firstEvents(List<? extends DomainEvent> events, Actor actor) {
        return wrapped(events, actor);
    }

    /**
     * Inserts a new aggregate document whose outbox already holds its first event.
     *
     * @param kind what the aggregate is called in messages, e.g. {@code agency}
     * @throws AggregateWriteException.AlreadyExists (in the Mono) when its id, or another unique key, is taken
     */
    public <D extends OutboxAggregate> Mono<D> create(D document, String kind) {
        String collection = collections.requireSwept(document.getClass());
        return mongo.insert(withHistory(document), collection)
                .thenReturn(document)
                .onErrorMap(DuplicateKeyException.class, e -> new AggregateWriteException.AlreadyExists(kind, idOf(document)))
                .doOnNext(logged(stored -> written(collection, kind, idOf(stored), stored.version(), "created")));
    }

    /**
     * Inserts a new aggregate document with its first event and, if given, the idempotency key it is
     * created under, in one insert. Without a key it is {@link #create(OutboxAggregate, String)}.
     *
     * @throws AggregateWriteException.AlreadyCreated (in the Mono) when an aggregate was already
     *         created under the same caller and key; it carries what that create stored
     * @throws AggregateWriteException.AlreadyExists (in the Mono) when its id is taken by an
     *         aggregate created otherwise
     */
    public <D extends OutboxAggregate> Mono<D> create(D document, String kind, Optional<IdempotencyRecord> idempotency) {
        if (idempotency.isEmpty()) {
            return create(document, kind);
        }
        IdempotencyRecord record = idempotency.get();
        String collection = collections.requireSwept(document.getClass());
        Document stored = withHistory(document);
        stored.put(IdempotencyRecord.FIELD, record.toDocument());
        return mongo.insert(stored, collection)
                .thenReturn(document)
                .onErrorResume(DuplicateKeyException.class, e -> createdWith(document.getClass(), record.caller(), record.key())
                        .flatMap(first -> Mono.<D>error(new AggregateWriteException.AlreadyCreated(kind, first.id(), first.record())))
                        .switchIfEmpty(Mono.error(() -> new AggregateWriteException.AlreadyExists(kind, idOf(document)))))
                .doOnNext(logged(created -> written(collection, kind, idOf(created), created.version(), "created")));
    }

    /**
     * The aggregate's history, oldest first: an entry per version, written with it, without the
     * versions written before histories were kept; empty (no value) for an aggregate that does not exist.
     */
    public Mono<History> history(Class<? extends OutboxAggregate> type, String id) {
        Query byId = query(where("_id").is(id));
        byId.fields().include(HistoryEntry.FIELD);
        return mongo.findOne(byId, HistoryOnly.class, collections.of(type)).map(found -> new History(found.history()));
    }

    /**
     * The document as it is inserted: the aggregate, and its history's first entry from its first
     * event (the first of its outbox when it is created with several of version 1).
     */
    private Document withHistory(OutboxAggregate document) {
        if (document.outbox().isEmpty()) {
            throw new IllegalArgumentException("a new aggregate is created with its first events, at least one");
        }
        if (document.outbox().stream().map(OutboxEvent::subject).distinct().count() != 1) {
            throw new IllegalArgumentException("the first events of a new aggregate are all about it");
        }
        Document stored = new Document();
        mongo.getConverter().write(document, stored);
        Document entry = new Document();
        mongo.getConverter().write(HistoryEntry.of(document.version(), document.outbox().get(0)), entry);
        entry.remove("_class");
        stored.put(HistoryEntry.FIELD, List.of(entry));
        return stored;
    }

    /** The idempotency record of the aggregate created under that caller and key, if there is one. */
    public Mono<IdempotencyRecord> findCreatedUnder(Class<? extends OutboxAggregate> type, String caller, String key) {
        return createdWith(type, caller, key).map(CreatedUnderKey::record);
    }

    /**
     * Applies the update and appends the event (whose version becomes the document's) if the
     * document is still at {@code expectedVersion}.
     *
     * @throws AggregateWriteException.StaleVersion or {@link AggregateWriteException.NotFound} (in the Mono)
     */
    public <D extends OutboxAggregate> Mono<D> change(Class<D> type, String kind, String id, long expectedVersion,
            Update update, DomainEvent event, Actor actor) {
        return change(type, kind, id, expectedVersion, update, List.of(event), actor);
    }

    /**
     * Applies the update and appends the events, of one aggregate and version (which becomes the
     * document's), in the order given and in one {@code $push}, if the document is still at
     * {@code expectedVersion}. The history gains one entry, named after the first event.
     *
     * @throws AggregateWriteException.StaleVersion or {@link AggregateWriteException.NotFound} (in the Mono)
     * @throws IllegalArgumentException when there is no event, or they differ in aggregate or version
     */
    public <D extends OutboxAggregate> Mono<D> change(Class<D> type, String kind, String id, long expectedVersion,
            Update update, List<? extends DomainEvent> events, Actor actor) {
        String collection = collections.requireSwept(type);
        List<OutboxEvent> wrapped = wrapped(events, actor);
        long version = events.get(0).version();
        Update withEvent = update.set("version", version).push(OutboxEvent.FIELD).each(wrapped.toArray())
                .push(HistoryEntry.FIELD, HistoryEntry.of(version, wrapped.get(0)));
        return mongo.findAndModify(query(where("_id").is(id).and("version").is(expectedVersion)), withEvent,
                        FindAndModifyOptions.options().returnNew(true), type, collection)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(id, Document.class, collection)
                        .switchIfEmpty(Mono.error(() -> new AggregateWriteException.NotFound(kind, id)))
                        .flatMap(current -> Mono.error(new AggregateWriteException.StaleVersion(kind, id,
                                IfMatch.version(expectedVersion), current.get("version", Number.class).longValue())))))
                .doOnNext(logged(stored -> written(collection, kind, id, stored.version(), "changed")));
    }

    private Mono<CreatedUnderKey> createdWith(Class<?> type, String caller, String key) {
        Query byKey = query(where(IdempotencyRecord.CALLER).is(caller).and(IdempotencyRecord.KEY).is(key));
        byKey.fields().include("_id", IdempotencyRecord.FIELD);
        return mongo.findOne(byKey, Document.class, collections.of(type.asSubclass(OutboxAggregate.class)))
                .map(found -> new CreatedUnderKey(String.valueOf(found.get("_id")),
                        IdempotencyRecord.from(found.get(IdempotencyRecord.FIELD, Document.class))));
    }

    /**
     * Changes the aggregate if its current version satisfies the client's {@code If-Match}: reads it,
     * checks the condition (RFC 9110 §13.1.1: {@code *} matches any version, a list any of its
     * versions, a weak tag none), builds the change from what it read and writes it conditional on
     * exactly the version read. The write names one version rather than the list because the event
     * in the outbox carries the version it creates, which must be known before the write. If another
     * writer got in between and the new version still matches, the change is built and tried again.
     *
     * <p>A missing aggregate is {@link AggregateWriteException.NotFound} whatever the condition, even
     * {@code *}: RFC 9110 §13.2.1 has a server ignore preconditions where the request would fail
     * without them, and a change of an aggregate that does not exist fails (no service creates on change).
     *
     * @param change what to write, given the aggregate as read: the update and the event, whose version
     *               is the read version plus one; it may fail (e.g. with a rule violation), which is passed on
     * @throws AggregateWriteException.StaleVersion or {@link AggregateWriteException.NotFound} (in the Mono)
     */
    public <D extends OutboxAggregate> Mono<D> change(Class<D> type, String kind, String id, IfMatch ifMatch,
            Function<? super D, Mono<Change>> change) {
        return attempt(type, kind, id, ifMatch, change, ATTEMPTS);
    }

    private <D extends OutboxAggregate> Mono<D> attempt(Class<D> type, String kind, String id, IfMatch ifMatch,
            Function<? super D, Mono<Change>> change, int attemptsLeft) {
        String collection = collections.requireSwept(type);
        return mongo.findById(id, type, collection)
                .switchIfEmpty(Mono.error(() -> new AggregateWriteException.NotFound(kind, id)))
                .flatMap(current -> {
                    long read = current.version();
                    if (!ifMatch.matches(read)) {
                        return Mono.error(new AggregateWriteException.StaleVersion(kind, id, ifMatch, read));
                    }
                    return change.apply(current).flatMap(next -> change(type, kind, id, read, next.update(), next.events(),
                                    next.actor())
                            .onErrorResume(AggregateWriteException.StaleVersion.class, raced ->
                                    attemptsLeft > 1 && ifMatch.matches(raced.current())
                                            ? attempt(type, kind, id, ifMatch, change, attemptsLeft - 1)
                                            : Mono.error(new AggregateWriteException.StaleVersion(kind, id, ifMatch,
                                                    raced.current()))));
                });
    }

    /**
     * A change of an aggregate: the update of its document and the events that say what changed,
     * published in the order given (so the one a compacted topic should keep comes last).
     *
     * @param update what to set in the document; the writer adds the version and the events
     * @param events the events, at least one, all of the aggregate at its next version
     * @param actor  who makes the change
     */
    public record Change(Update update, List<DomainEvent> events, Actor actor) {

        public Change {
            events = List.copyOf(events);
            requireOneAggregateAndVersion(events);
        }

        /** A change announced by one event. */
        public Change(Update update, DomainEvent event, Actor actor) {
            this(update, List.of(event), actor);
        }

        /** The first event: the one the history names. */
        public DomainEvent event() {
            return events.get(0);
        }
    }

    private List<OutboxEvent> wrapped(List<? extends DomainEvent> events, Actor actor) {
        requireOneAggregateAndVersion(events);
        return events.stream().map(event -> outboxEvents.wrap(event, actor)).toList();
    }

    /** One write makes one version of one aggregate, however many events announce it. */
    private static void requireOneAggregateAndVersion(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a write has at least one event");
        }
        DomainEvent first = events.get(0);
        for (DomainEvent event : events) {
            if (!event.aggregateId().equals(first.aggregateId()) || event.version() != first.version()) {
                throw new IllegalArgumentException("the events of one write are of one aggregate and version: "
                        + first.aggregateId() + " v" + first.version() + " and " + event.aggregateId() + " v" + event.version());
            }
        }
    }

    /** What {@link #history} reads of a document. */
    private record HistoryOnly(List<HistoryEntry> history) {
    }

    /**
     * The callback with the logging context of the thread that asked for the write. The callback runs
     * on the driver's thread, which, when the caller blocks (a consumer thread, whose trace is only in
     * thread-locals), would otherwise log under whatever trace that thread last served.
     */
    private static <T> Consumer<T> logged(Consumer<T> callback) {
        Map<String, String> caller = MDC.getCopyOfContextMap();
        return value -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            try {
                MDC.setContextMap(caller == null ? Map.of() : caller);
                callback.accept(value);
            } finally {
                MDC.setContextMap(own == null ? Map.of() : own);
            }
        };
    }

    /** Signals the relay and says so in the log: the one line every write leaves, in its trace. */
    private void written(String collection, String kind, String id, long version, String how) {
        log.info("{} {} {} at version {}", kind, id, how, version);
        relay.signal(collection, id);
    }

    private String idOf(Object document) {
        Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document).getRequiredIdentifier();
        return id.toString();
    }

    private record CreatedUnderKey(String id, IdempotencyRecord record) {
    }
}
