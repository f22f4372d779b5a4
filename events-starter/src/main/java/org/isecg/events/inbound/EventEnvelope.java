package org.isecg.events.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.MalformedEventException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A consumed CloudEvent: its attributes and its data, read into the contract's record. The trace it
 * came in is not among them: the handler runs in it (see {@code EventTracing}).
 */
public record EventEnvelope<E extends DomainEvent>(
        String id, EventType<E> type, String source, String subject, Instant time, E data) {

    /**
     * Reads a binary-mode CloudEvent, its data checked against the JSON Schema of its type first.
     * Empty for a type this service does not know, which a tolerant reader skips: a producer may
     * add event types to a topic.
     *
     * @throws SchemaViolationException when the data breaks the schema of its type
     * @throws MalformedEventException  when a required attribute is missing or the data cannot be read
     */
    public static Optional<EventEnvelope<?>> from(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String typeName = required(headers, CloudEventHeaders.TYPE);
        Optional<EventType<?>> type = EventTypes.byName(typeName);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(type.get(), message));
    }

    private static <E extends DomainEvent> EventEnvelope<E> read(EventType<E> type, Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        String id = required(headers, CloudEventHeaders.ID);
        Instant time;
        try {
            time = Instant.parse(required(headers, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(type.name(), e);
        }
        List<String> violations = EventSchemas.violations(type, message.getPayload());
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(type.name(), violations);
        }
        E data = EventJson.read(message.getPayload(), type);
        return new EventEnvelope<>(id, type, header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT), time, data);
    }

    /** The CloudEvents type of a record, as the producer named it, known here or not. */
    public static String typeName(Message<byte[]> message) {
        return required(message.getHeaders(), CloudEventHeaders.TYPE);
    }

    private static String required(MessageHeaders headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(String.valueOf(header(headers, CloudEventHeaders.TYPE)),
                    new IllegalArgumentException("missing CloudEvents header " + name + " (headers: "
                            + headers.keySet() + ")"));
        }
        return value;
    }

    /**
     * Raw Kafka headers arrive as bytes; the binder may already have decoded some to strings. Spring
     * Cloud Function renames the attributes of a record that looks like a CloudEvent to its own
     * canonical prefix {@code ce-}, so {@code ce_type} may arrive as {@code ce-type}.
     */
    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
