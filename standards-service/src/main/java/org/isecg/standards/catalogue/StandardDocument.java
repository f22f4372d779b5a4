package org.isecg.standards.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/** A standard as stored: the standard, its version, and the events not yet published (the outbox). */
@Document(StandardDocument.COLLECTION)
record StandardDocument(
        @Id String code, long version, String title, InterfaceDomain domain, String description, Set<String> stewards,
        List<StandardRevision> revisions, Instant publishedAt, Instant updatedAt, List<OutboxEvent> outbox)
        implements OutboxAggregate {

    static final String COLLECTION = "standards";

    static StandardDocument published(Standard standard, List<OutboxEvent> events) {
        return new StandardDocument(standard.code(), standard.version(), standard.title(), standard.domain(),
                standard.description(), standard.stewards(), standard.revisions(), standard.publishedAt(),
                standard.updatedAt(), events);
    }

    /** What a change sets: everything but the code and the publication time (the writer sets the version). */
    static Update changedTo(Standard standard) {
        return new Update()
                .set("title", standard.title())
                .set("domain", standard.domain())
                .set("description", standard.description())
                .set("stewards", standard.stewards())
                .set("revisions", standard.revisions())
                .set("updatedAt", standard.updatedAt());
    }

    Standard standard() {
        return new Standard(code, version, title, domain, description, stewards, revisions, publishedAt, updatedAt);
    }
}
