package org.isecg.events.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.isecg.web.correlation.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Turns an {@link EventHandler} into a binder consumer: decodes the CloudEvent, skips types this
 * service does not know and events it has already handled, runs the handler with the event's
 * correlation id in the logs, then records the event as handled.
 *
 * <p>Failures propagate to the binder, which retries a bounded number of times and then sends the
 * record to the input's dead-letter topic; malformed events go there at once.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final Clock clock;

    public InboundEvents(ProcessedEvents processed, MeterRegistry meters, Clock clock) {
        this.processed = processed;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The binder consumer of a handler; events are deduplicated per {@link InboundBinding#consumer()},
     * and events of its topic that the handler does not take are skipped.
     */
    public Consumer<Message<byte[]>> consumer(InboundBinding binding, EventHandler<?> handler) {
        String consumer = binding.consumer();
        return message -> {
            Optional<EventEnvelope<?>> decoded = EventEnvelope.from(message);
            if (decoded.isEmpty()) {
                count(consumer, "unknown-type", "skipped");
                return;
            }
            EventEnvelope<?> event = decoded.get();
            if (!binding.handled().contains(event.type())) {
                count(consumer, event.type().name(), "not-handled");
                return;
            }
            CorrelationId.runWith(event.correlationId(), () -> handle(consumer, handler, event));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(String consumer, EventHandler handler, EventEnvelope<?> event) {
        MDC.put("eventId", event.id());
        MDC.put("eventType", event.type().name());
        try {
            if (processed.seen(consumer, event.id())) {
                log.debug("skipping event {} already handled", event.id());
                count(consumer, event.type().name(), "duplicate");
                return;
            }
            Timer.builder("isecg.events.age").tag("consumer", consumer).tag("type", event.type().name())
                    .description("Time from an event's creation to the start of its handling")
                    .register(meters).record(Duration.between(event.time(), clock.instant()));
            handler.handle(event);
            processed.record(consumer, event.id());
            count(consumer, event.type().name(), "handled");
        } finally {
            MDC.remove("eventId");
            MDC.remove("eventType");
        }
    }

    private void count(String consumer, String type, String outcome) {
        Counter.builder("isecg.events.consumed").tag("consumer", consumer).tag("type", type).tag("outcome", outcome)
                .description("Events consumed, by outcome").register(meters).increment();
    }
}
