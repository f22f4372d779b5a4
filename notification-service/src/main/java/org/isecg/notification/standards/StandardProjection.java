package org.isecg.notification.standards;

import java.time.Duration;
import java.util.Optional;

import org.isecg.contracts.standard.StandardChange;
import org.isecg.contracts.standard.StandardState;
import org.isecg.events.inbound.EventEnvelope;
import org.isecg.events.inbound.EventHandler;
import org.isecg.events.inbound.VersionedUpsert;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The interface standards as their v2 events describe them, one document per standard at the latest
 * version seen. Every event of the {@link StandardChange} family carries the standard's whole state, so
 * every kind is applied alike, each only if newer than what is stored; the v1 events that standards-service
 * publishes beside them on the same topic are outside the family and skipped by the inbound layer as not
 * handled (neither applied nor dead-lettered).
 */
@Component
public class StandardProjection implements EventHandler<StandardChange> {

    static final String COLLECTION = "standard_snapshots";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;

    StandardProjection(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void handle(EventEnvelope<? extends StandardChange> event) {
        StandardState standard = event.data().standard();
        VersionedUpsert.apply(mongo, COLLECTION, standard.code(), standard.version(), new Update()
                .set("title", standard.title())
                .set("domain", standard.domain())
                .set("description", standard.description())
                .set("stewards", standard.stewards())
                .set("revisions", standard.revisions()));
    }

    /**
     * The standard of that code as last seen, with the status of each revision. Blocking, for the
     * consumer threads that detection runs on.
     */
    public Optional<StandardState> find(String code) {
        return read(code).blockOptional(TIMEOUT);
    }

    /** {@link #find}, for reactive callers. */
    public Mono<StandardState> read(String code) {
        return mongo.findById(code, StandardDocument.class, COLLECTION).map(StandardDocument::state);
    }

    /** Every standard known, by code. */
    public Flux<StandardState> all() {
        return mongo.find(new Query().with(Sort.by("_id")), StandardDocument.class, COLLECTION)
                .map(StandardDocument::state);
    }
}
