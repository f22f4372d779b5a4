package org.isecg.events.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.isecg.contracts.CloudEventHeaders;
import org.isecg.events.tracing.EventTracing;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.tracing.Span;

/**
 * Publishes an outbox event as a CloudEvent in Kafka's binary mode: attributes as raw UTF-8
 * {@code ce_} headers, data as the record value, the aggregate id as the key. Each publication is a
 * producer span in the trace the event was written in, and the record carries that span in a W3C
 * {@code traceparent} header.
 *
 * <p>It sends through spring-kafka's {@link KafkaTemplate}, not the Stream binder: the relay needs
 * each record's own acknowledgement while many are in flight (it removes an event from the outbox
 * only once the broker has it), and the binder offers either a blocking send per record
 * ({@code sync}) or no per-record acknowledgement at all. The producer is idempotent with
 * {@code acks=all} (isecg-events-defaults.yml), so records of one key, which go to one partition,
 * keep their order however many are in flight.
 */
public class CloudEventPublisher {

    private final KafkaTemplate<byte[], byte[]> template;
    private final EventTracing tracing;

    public CloudEventPublisher(KafkaTemplate<byte[], byte[]> template, EventTracing tracing) {
        this.template = template;
        this.tracing = tracing;
    }

    /**
     * Sends the event; the future completes when the broker has acknowledged it, or fails with the
     * producer's reason. Never blocks longer than the producer's {@code max.block.ms}.
     */
    public CompletableFuture<?> publish(OutboxEvent event) {
        Span span = tracing.startPublication(event.topic(), event.eventId(), event.type(), event.writtenIn());
        return tracing.runAsync(span, () -> template.send(record(event, span)));
    }

    private ProducerRecord<byte[], byte[]> record(OutboxEvent event, Span span) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(), bytes(event.key()),
                event.data().getBytes(UTF_8));
        Headers headers = record.headers();
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON_CONTENT_TYPE));
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        headers.add(CloudEventHeaders.ID, bytes(event.eventId()));
        headers.add(CloudEventHeaders.TYPE, bytes(event.type()));
        headers.add(CloudEventHeaders.SOURCE, bytes(event.source()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(event.subject()));
        headers.add(CloudEventHeaders.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(event.time())));
        if (event.actor() != null) {
            headers.add(CloudEventHeaders.ACTING_CLIENT, bytes(event.actor().client()));
            if (event.actor().agency() != null) {
                headers.add(CloudEventHeaders.ACTING_AGENCY, bytes(event.actor().agency()));
            }
        }
        tracing.inject(span, (header, value) -> headers.add(header, bytes(value)));
        return record;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(UTF_8);
    }
}
