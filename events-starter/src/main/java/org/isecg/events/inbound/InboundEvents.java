package org.isecg.events.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The data is checked against the JSON Schema of its type before it is read. Types this service
 * does not know are counted ({@code isecg.events.unknown}, by consumer and type) and logged once per
 * consumer and type, so that a producer's new version shows instead of a silently frozen projection.
 *
 * <p>Failures propagate to the listener container, whose error handler ({@link InboundErrorHandling})
 * retries transient ones for as long as they last and sends permanent ones to the input's
 * dead-letter topic at once.
 */
public class InboundEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final Clock clock;
    private final EventTracing tracing;
    /** consumer/type pairs already logged as unknown: bounded by the types producers invent. */
    private final Set<String> reportedUnknown = ConcurrentHashMap.newKeySet();

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
            unknown(consumer, EventEnvelope.typeName(message));
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

    private void unknown(String consumer, String type) {
        Counter.builder("isecg.events.unknown").tag("consumer", consumer).tag("type", type)
                .description("Events of a type this service does not know, skipped").register(meters).increment();
        count(consumer, "unknown-type", "skipped");
        if (reportedUnknown.add(consumer + "/" + type)) {
            log.warn("consumer {} skips events of type {}, which this service does not know; counted in "
                    + "isecg.events.unknown, logged only this once", consumer, type);
        }
    }

    private void count(String consumer, String type, String outcome) {
        Counter.builder("isecg.events.consumed").tag("consumer", consumer).tag("type", type).tag("outcome", outcome)
                .description("Events consumed, by outcome").register(meters).increment();
    }
}
