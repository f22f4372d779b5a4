package org.isecg.events.inbound;

import org.isecg.contracts.DomainEvent;

/**
 * What a service does with the events of one kind it consumes. The type argument names the events,
 * as records or a sealed family of records from the contracts (e.g. {@code AgencyEvent}); from it
 * {@link InboundBindings} derives the topic to read, the binding and the consumer group, so that a
 * handler bean is all it takes to consume. Events of the topic outside the family are skipped.
 *
 * <p>A handler must be safe to run twice for the same event (a crash after handling but before
 * the event is recorded as processed runs it again), which projections get by applying only
 * versions newer than the one they hold.
 *
 * @param <E> the events handled; all of them must be published on the same topic
 */
@FunctionalInterface
public interface EventHandler<E extends DomainEvent> {

    void handle(EventEnvelope<? extends E> event);
}
