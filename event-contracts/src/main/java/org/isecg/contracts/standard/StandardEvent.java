package org.isecg.contracts.standard;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.DomainEvent;

/**
 * An event of an interface standard, keyed by standard code. Each carries the standard's whole
 * state, every revision included, so a consumer's replica needs only the latest event.
 */
public sealed interface StandardEvent extends DomainEvent permits StandardPublished, StandardRevised {

    String code();

    String title();

    InterfaceDomain domain();

    Set<String> stewards();

    List<Revision> revisions();

    @Override
    default String aggregateId() {
        return code();
    }
}
