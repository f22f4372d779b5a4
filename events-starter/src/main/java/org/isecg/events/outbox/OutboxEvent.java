package org.isecg.events.outbox;

import java.time.Instant;

import org.isecg.events.tracing.TraceHeaders;

/**
 * An event waiting in its aggregate's document to be published, stored exactly as it will go on
 * the wire so that a re-publication after a crash sends the same id and the same bytes (only the
 * trace header differs: it names the span of each publication).
 *
 * @param eventId     the CloudEvents id; consumers deduplicate on it
 * @param key         the Kafka record key: the aggregate id
 * @param actor       who made the change: the extension attributes {@code actingclient} and
 *                    {@code actingagency}, and the aggregate's history; null only in events stored
 *                    before events carried it
 * @param traceparent the W3C trace context of the write, so that the relay, which publishes later
 *                    on a thread of its own, publishes in the write's trace; null if it was not traced
 * @param tracestate  the W3C vendor trace data of the write, if any
 * @param data        the event data, JSON as {@code EventJson} wrote it
 */
public record OutboxEvent(
        String eventId, String topic, String type, String key, String subject, String source,
        Instant time, Actor actor, String traceparent, String tracestate, String data) {

    /** The field of an aggregate document that holds its pending events, oldest first. */
    public static final String FIELD = "outbox";

    /** The trace the event was written in. */
    public TraceHeaders writtenIn() {
        return new TraceHeaders(traceparent, tracestate);
    }
}
