package org.isecg.events.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import org.isecg.events.tracing.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;

/**
 * Turns an {@link EventHandler} into a binder consumer: continues the trace of the record's
 * {@code traceparent} in a span of its own, decodes the CloudEvent, skips types this service does
 * not know and events it has already handled, runs the handler, then records the event as handled.
 * Everything the handler logs carries the trace id, and every event it writes through the outbox
 * stays in the trace, so that one change is one trace across the services it reaches.
 *
 * <p>Failures propagate to the binder, which retries a bounded number of times and then sends the
 * record to the input's dead-letter topic; malformed events go there at once.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final Clock clock;
    private final EventTracing tracing;

    public InboundEvents(ProcessedEvents processed, MeterRegistry meters, Clock clock, EventTracing tracing) {
        this.processed = processed;
        this.meters = meters;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * The binder consumer of a handler; events are deduplicated per {@link InboundBinding#consumer()},
     * and events of its topic that the handler does not take are skipped.
     */
    public Consumer<Message<byte[]>> consumer(InboundBinding binding, EventHandler<?> handler) {
        return message -> {
            // each delivery attempt is a span of its own: retries show in the trace
            Span span = tracing.startProcessing(message.getHeaders(), binding.topic(), binding.consumer());
            tracing.run(span, () -> consume(binding, handler, message, span));
        };
    }

    private void consume(InboundBinding binding, EventHandler<?> handler, Message<byte[]> message, Span span) {
        String consumer = binding.consumer();
        Optional<EventEnvelope<?>> decoded = EventEnvelope.from(message);
        if (decoded.isEmpty()) {
            count(consumer, "unknown-type", "skipped");
            return;
        }
        EventEnvelope<?> event = decoded.get();
        span.tag("cloudevents.event_id", event.id()).tag("cloudevents.event_type", event.type().name());
        if (!binding.handled().contains(event.type())) {
            count(consumer, event.type().name(), "not-handled");
            return;
        }
        handle(consumer, handler, event);
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
