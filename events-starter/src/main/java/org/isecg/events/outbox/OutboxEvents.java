package org.isecg.events.outbox;

import java.time.Clock;
import java.util.UUID;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.isecg.web.correlation.CorrelationId;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Wraps a domain event for the outbox: gives it its CloudEvents attributes (a fresh id, the
 * service as source, the aggregate as subject, the current correlation id) and its JSON data.
 */
public class OutboxEvents {

    private final String source;
    private final Clock clock;

    public OutboxEvents(String source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public OutboxEvent wrap(DomainEvent event) {
        EventType<?> type = EventTypes.of(event);
        return new OutboxEvent(UUID.randomUUID().toString(), type.topic(), type.name(),
                event.aggregateId(), event.aggregateId(), source, clock.instant(),
                CorrelationId.current().orElse(null), EventJson.writeString(event));
    }

    /** Adds the event to an update of its aggregate's document, so that both are written at once. */
    public Update append(Update update, DomainEvent event) {
        return update.push(OutboxEvent.FIELD, wrap(event));
    }
}
