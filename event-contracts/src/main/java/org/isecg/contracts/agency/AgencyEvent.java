package org.isecg.contracts.agency;

import java.util.Set;

import org.isecg.contracts.DomainEvent;

/**
 * An event of the agency register. Each carries the agency's whole state after the change, so a
 * consumer's replica needs nothing but the latest event it has seen.
 */
public sealed interface AgencyEvent extends DomainEvent permits AgencyRegistered, AgencyUpdated,
        AgencyDeactivated, AgencyReactivated {

    String code();

    String name();

    Set<String> countries();

    AgencyKind kind();

    Membership membership();

    /** Its public https site; absent when not given. */
    String website();

    AgencyStatus status();

    @Override
    default String aggregateId() {
        return code();
    }
}
