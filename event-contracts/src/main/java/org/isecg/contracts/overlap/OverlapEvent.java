package org.isecg.contracts.overlap;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.DomainEvent;

/**
 * An event of an overlap, keyed by overlap id. Every one names the kind, severity, plans and
 * agencies involved, so that a subscriber can filter on any of them without other state.
 */
public sealed interface OverlapEvent extends DomainEvent
        permits OverlapOpened, OverlapUpdated, OverlapResolved, OverlapAcknowledged, OverlapDismissed {

    String overlapId();

    OverlapKind kind();

    Severity severity();

    /** The plans involved, sorted; the overlap id derives from them, the kind and the domain. */
    List<String> planIds();

    /** The agencies involved: those who are told about it and may acknowledge or dismiss it. */
    Set<String> agencies();

    @Override
    default String aggregateId() {
        return overlapId();
    }
}
