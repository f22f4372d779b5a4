package org.isecg.events.tracing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.isecg.contracts.CloudEventHeaders;
import org.springframework.messaging.MessageHeaders;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries traces over the outbox and Kafka with Micrometer's tracer and propagator (W3C Trace
 * Context unless the service configures another propagation):
 * <ul>
 * <li>a write keeps the {@link #current() current trace context} in its outbox event, because the
 *     relay publishes later, on a thread of its own, where the write's span is long gone;</li>
 * <li>the relay {@link #startPublication publishes} each event in a producer span that is a child
 *     of the write's span, and {@link #inject injects} that span into the record's headers;</li>
 * <li>a consumer {@link #startProcessing handles} each record in a consumer span that continues
 *     the trace of the record's headers, so that whatever it logs and writes is in that trace.</li>
 * </ul>
 * Without a tracer (tracing switched off) every method does nothing and costs nothing.
 */
public class EventTracing {

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing that records nothing. */
    public static EventTracing off() {
        return new EventTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The trace context of the current span, to be continued later elsewhere; {@link TraceHeaders#NONE} outside any span. */
    public TraceHeaders current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null || context.traceId().isEmpty()) {
            return TraceHeaders.NONE;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return new TraceHeaders(carrier.get(CloudEventHeaders.TRACE_PARENT), carrier.get(CloudEventHeaders.TRACE_STATE));
    }

    /**
     * Starts the span of one publication of an event: a child of the span it was written in, or
     * the root of a trace of its own when the write was not traced.
     */
    public Span startPublication(String topic, String eventId, String eventType, TraceHeaders written) {
        return propagator.extract(written, TraceHeaders::get)
                .name("publish " + topic)
                .kind(Span.Kind.PRODUCER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("cloudevents.event_id", eventId)
                .tag("cloudevents.event_type", eventType)
                .start();
    }

    /** Writes the span's trace context as headers of the record it publishes. */
    public void inject(Span span, BiConsumer<String, String> header) {
        propagator.inject(span.context(), header, BiConsumer::accept);
    }

    /**
     * Starts the span of handling one consumed record: a child of the publication that its headers
     * name, or the root of a trace of its own when they name none.
     */
    public Span startProcessing(MessageHeaders headers, String topic, String consumer) {
        return propagator.extract(headers, EventTracing::header)
                .name("process " + topic)
                .kind(Span.Kind.CONSUMER)
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", topic)
                .tag("messaging.consumer.group.name", consumer)
                .start();
    }

    /**
     * Runs the work with the span current (so its trace id is in the MDC of every log line and in
     * every event the work writes), records a failure on it, and ends it.
     */
    public void run(Span span, Runnable work) {
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Starts asynchronous work with the span current, and ends the span when the work completes,
     * recording its failure: a publication whose acknowledgement arrives later, on the producer's thread.
     */
    public <T> CompletableFuture<T> runAsync(Span span, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> started;
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            started = work.get();
        } catch (RuntimeException e) {
            span.error(e);
            span.end();
            return CompletableFuture.failedFuture(e);
        }
        return started.whenComplete((result, failure) -> {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        });
    }

    /** Raw Kafka headers arrive as bytes; the binder may already have decoded some to strings. */
    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
