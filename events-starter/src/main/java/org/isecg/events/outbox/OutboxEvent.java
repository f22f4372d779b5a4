package org.isecg.events.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published, stored exactly as it will go on
 * the wire so that a re-publication after a crash sends the same id and the same bytes.
 *
 * @param eventId       the CloudEvents id; consumers deduplicate on it
 * @param key           the Kafka record key: the aggregate id
 * @param correlationId the correlation id of the work that caused the event, if any
 * @param data          the event data, JSON as {@code EventJson} wrote it
 */
public record OutboxEvent(
        String eventId, String topic, String type, String key, String subject, String source,
        Instant time, String correlationId, String data) {

    /** The field of an aggregate document that holds its pending events, oldest first. */
    public static final String FIELD = "outbox";
}
