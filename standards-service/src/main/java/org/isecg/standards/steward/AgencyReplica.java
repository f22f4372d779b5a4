package org.isecg.standards.steward;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Map;

import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.events.inbound.EventEnvelope;
import org.isecg.events.inbound.EventHandler;
import org.isecg.events.inbound.VersionedUpsert;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The agencies of the register, by code, with their status: all a steward check needs. Every agency
 * event carries the whole entry, so registrations, updates, deactivations and reactivations are applied
 * alike, each only if newer than what the replica holds. It follows the register by seconds.
 */
@Component
public class AgencyReplica implements EventHandler<AgencyEvent> {

    static final String COLLECTION = "agency_replica";

    private final ReactiveMongoOperations mongo;

    AgencyReplica(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void handle(EventEnvelope<? extends AgencyEvent> event) {
        AgencyEvent agency = event.data();
        VersionedUpsert.apply(mongo, COLLECTION, agency.code(), agency.version(),
                new Update().set("name", agency.name()).set("status", agency.status()));
    }

    /** The status of each of those agencies that the replica knows; an agency it does not know is absent. */
    public Mono<Map<String, AgencyStatus>> statuses(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), Entry.class, COLLECTION)
                .collectMap(Entry::code, Entry::status);
    }

    record Entry(@Id String code, long version, String name, AgencyStatus status) {
    }
}
