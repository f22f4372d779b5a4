package org.isecg.roadmap.replica;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardChange;
import org.isecg.contracts.standard.StandardState;
import org.isecg.events.inbound.EventEnvelope;
import org.isecg.events.inbound.EventHandler;
import org.isecg.events.inbound.VersionedUpsert;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The interface standards and their revisions, by code: what a plan may declare conformance to. Built from
 * the v2 events, each of which carries the standard's whole state, so every kind is applied alike, each only
 * if newer than what the replica holds; the v1 events still on the topic are skipped as not handled.
 */
@Component
public class StandardReplica implements EventHandler<StandardChange> {

    static final String COLLECTION = "standard_replica";

    private final ReactiveMongoOperations mongo;

    StandardReplica(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void handle(EventEnvelope<? extends StandardChange> event) {
        StandardState standard = event.data().standard();
        List<Revision> revisions = standard.revisions().stream()
                .map(revision -> new Revision(revision.revision(), revision.status())).toList();
        VersionedUpsert.apply(mongo, COLLECTION, standard.code(), standard.version(),
                new Update().set("domain", standard.domain()).set("revisions", revisions));
    }

    /** Those of the given revisions that are published (in any status: conforming to an old one is flagged, not refused). */
    public Mono<Set<StandardRef>> published(Set<StandardRef> refs) {
        Set<String> codes = refs.stream().map(StandardRef::standard).collect(Collectors.toSet());
        return mongo.find(query(where("_id").in(codes)), Entry.class, COLLECTION)
                .flatMapIterable(entry -> entry.revisions().stream()
                        .map(revision -> new StandardRef(entry.code(), revision.revision())).toList())
                .filter(refs::contains)
                .collect(Collectors.toSet());
    }

    record Entry(@Id String code, long version, InterfaceDomain domain, List<Revision> revisions) {
    }

    record Revision(String revision, RevisionStatus status) {
    }
}
