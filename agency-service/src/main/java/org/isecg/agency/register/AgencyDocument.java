package org.isecg.agency.register;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An agency as stored: the entry, its version, and the events not yet published (the outbox). */
@Document(AgencyDocument.COLLECTION)
record AgencyDocument(
        @Id String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, String website, AgencyStatus status,
        Instant registeredAt, Instant updatedAt, List<OutboxEvent> outbox) implements OutboxAggregate {

    static final String COLLECTION = "agencies";

    static AgencyDocument registered(Agency agency, Instant at, OutboxEvent event) {
        return new AgencyDocument(agency.code(), agency.version(), agency.name(), agency.countries(), agency.kind(),
                agency.membership(), agency.memberSince(), agency.contactEmail(), agency.website(), agency.status(), at, at,
                List.of(event));
    }

    Agency agency() {
        return new Agency(code, version, name, countries, kind, membership, memberSince, contactEmail, website, status,
                registeredAt, updatedAt);
    }
}
