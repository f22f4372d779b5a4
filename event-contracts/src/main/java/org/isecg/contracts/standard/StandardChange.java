package org.isecg.contracts.standard;

import org.isecg.contracts.DomainEvent;

/**
 * The events of an interface standard from v2 on, keyed by standard code: its publication, a change
 * of its details and each step of a revision's life cycle, each its own type, each carrying the
 * standard's whole state after the change. They travel on topic {@code standards} beside the v1
 * events ({@link StandardEvent}), which the producer keeps publishing for the consumers that have not
 * moved yet (docs/architecture.md, "Versioning events").
 */
public sealed interface StandardChange extends DomainEvent
        permits StandardPublishedV2, StandardUpdated, RevisionAdded, RevisionBaselined, RevisionRetired {

    StandardState standard();

    @Override
    default String aggregateId() {
        return standard().code();
    }

    @Override
    default long version() {
        return standard().version();
    }
}
