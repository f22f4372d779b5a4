package org.isecg.events.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.format.DateTimeFormatter;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.events.tracing.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import io.micrometer.tracing.Span;

/**
 * Publishes an outbox event through the Kafka binder as a CloudEvent in binary mode: attributes as
 * raw UTF-8 {@code ce_} headers, data as the record value, the aggregate id as the key. Each
 * publication is a producer span in the trace the event was written in, and the record carries that
 * span in a W3C {@code traceparent} header. The producer is idempotent and synchronous (see
 * isecg-events-defaults.yml), so a return means the broker has the event and the relay may remove
 * it from the outbox.
 */
public class CloudEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);

    private final StreamBridge streamBridge;
    private final EventTracing tracing;

    public CloudEventPublisher(StreamBridge streamBridge, EventTracing tracing) {
        this.streamBridge = streamBridge;
        this.tracing = tracing;
    }

    public void publish(OutboxEvent event) {
        Span span = tracing.startPublication(event.topic(), event.eventId(), event.type(), event.writtenIn());
        tracing.run(span, () -> send(event, span));
    }

    private void send(OutboxEvent event, Span span) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(event.data().getBytes(UTF_8))
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE)
                // byte[] values reach Kafka untouched; Strings would be JSON-quoted by the header mapper
                .setHeader(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON_CONTENT_TYPE))
                .setHeader(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE))
                .setHeader(CloudEventHeaders.ID, bytes(event.eventId()))
                .setHeader(CloudEventHeaders.TYPE, bytes(event.type()))
                .setHeader(CloudEventHeaders.SOURCE, bytes(event.source()))
                .setHeader(CloudEventHeaders.SUBJECT, bytes(event.subject()))
                .setHeader(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.time())));
        tracing.inject(span, (header, value) -> builder.setHeader(header, bytes(value)));
        Message<byte[]> message = builder.build();
        if (!streamBridge.send(OutboxBindings.of(event.topic()), message)) {
            throw new IllegalStateException("the binder refused event " + event.eventId() + " for topic " + event.topic());
        }
        log.debug("published {} {} for {}", event.type(), event.eventId(), event.key());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}
