package org.isecg.events.outbox;

import java.util.List;

/**
 * A stored aggregate that carries its pending events: a {@code @Document} record whose
 * {@code outbox} field ({@link OutboxEvent#FIELD}) holds them, oldest first. Every collection of
 * such documents is swept by the relay ({@link OutboxCollections}), so a crashed publication is
 * always recovered; {@link AggregateWriter} writes nothing else.
 */
public interface OutboxAggregate {

    /** The aggregate's version; a change is conditional on it. */
    long version();

    /** The events not yet published, oldest first. */
    List<OutboxEvent> outbox();
}
