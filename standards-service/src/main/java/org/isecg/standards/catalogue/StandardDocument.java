package org.isecg.standards.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.Revision;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A standard as stored: the standard, its version, and the events not yet published (the outbox). */
@Document(StandardDocument.COLLECTION)
record StandardDocument(
        @Id String code, long version, String title, InterfaceDomain domain, Set<String> stewards,
        List<Revision> revisions, Instant publishedAt, Instant updatedAt, List<OutboxEvent> outbox)
        implements OutboxAggregate {

    static final String COLLECTION = "standards";

    static StandardDocument published(Standard standard, Instant at, OutboxEvent event) {
        return new StandardDocument(standard.code(), standard.version(), standard.title(), standard.domain(),
                standard.stewards(), standard.revisions(), at, at, List.of(event));
    }

    Standard standard() {
        return new Standard(code, version, title, domain, stewards, revisions);
    }
}
