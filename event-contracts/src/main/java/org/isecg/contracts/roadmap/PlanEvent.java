package org.isecg.contracts.roadmap;

import org.isecg.contracts.DomainEvent;

/** An event of a roadmap plan, keyed by plan id. */
public sealed interface PlanEvent extends DomainEvent permits PlanContent, PlanWithdrawn {

    String planId();

    String ownerAgency();

    @Override
    default String aggregateId() {
        return planId();
    }
}
