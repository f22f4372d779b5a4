package org.isecg.contracts;

/**
 * What every published event carries: the id of the aggregate it is about, which is also its
 * Kafka key (so one aggregate's events stay in order), and that aggregate's version after the
 * change, so that a projection can ignore a version it has already applied.
 */
public interface DomainEvent {

    String aggregateId();

    long version();
}
