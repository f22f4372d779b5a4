package org.isecg.events.outbox;

import java.time.Clock;
import java.util.UUID;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.isecg.events.tracing.EventTracing;
import org.isecg.events.tracing.TraceHeaders;

/**
 * Wraps a domain event for the outbox: gives it its CloudEvents attributes (a fresh id, the
 * service as source, the aggregate as subject, who made the change), the trace context of the
 * current span (the HTTP request's, or the handled event's) and its JSON data.
 */
public class OutboxEvents {

    private final String source;
    private final Clock clock;
    private final EventTracing tracing;

    public OutboxEvents(String source, Clock clock, EventTracing tracing) {
        this.source = source;
        this.clock = clock;
        this.tracing = tracing;
    }

    public OutboxEvent wrap(DomainEvent event, Actor actor) {
        EventType<?> type = EventTypes.of(event);
        TraceHeaders trace = tracing.current();
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic(), type.name(),
                event.aggregateId(), event.aggregateId(), source, clock.instant(), actor,
                trace.traceparent(), trace.tracestate(), EventJson.writeString(event));
    }
}
