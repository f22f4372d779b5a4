package org.isecg.events.tracing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.isecg.contracts.CloudEventHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/** The trace context kept by a write, continued by a publication and then by a consumer: one trace. */
class EventTracingTest {

    private static final String W3C = "00-([0-9a-f]{32})-([0-9a-f]{16})-01";

    private final SdkTracerProvider provider = SdkTracerProvider.builder().build();
    private final io.opentelemetry.api.trace.Tracer otel = provider.get("event-tracing-test");
    private final Tracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
    });
    private final EventTracing tracing = new EventTracing(tracer,
            new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

    @AfterEach
    void closeTheProvider() {
        provider.close();
    }

    @Test
    void outsideAnySpanThereIsNoTraceToKeep() {
        assertThat(tracing.current()).isEqualTo(TraceHeaders.NONE);
    }

    @Test
    void aWriteKeepsTheTraceAndSpanItRunsIn() {
        // given
        Span write = tracer.nextSpan().name("write").start();

        // when
        TraceHeaders kept;
        try (Tracer.SpanInScope scope = tracer.withSpan(write)) {
            kept = tracing.current();
        } finally {
            write.end();
        }

        // then
        assertThat(kept.traceparent()).isEqualTo("00-" + write.context().traceId() + "-" + write.context().spanId() + "-01");
        assertThat(kept.tracestate()).isNull();
    }

    @Test
    void aPublicationIsAChildOfTheWriteAndItsRecordNamesThePublication() {
        // given
        TraceHeaders written = new TraceHeaders("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "hub=1");

        // when
        Span publication = tracing.startPublication("agencies", "event-1", "org.isecg.test.v1", written);
        Map<String, String> headers = new LinkedHashMap<>();
        tracing.inject(publication, headers::put);
        publication.end();

        // then
        assertThat(publication.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(publication.context().parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(headers.get(CloudEventHeaders.TRACE_PARENT))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + publication.context().spanId() + "-01");
        assertThat(headers).containsEntry(CloudEventHeaders.TRACE_STATE, "hub=1");
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsPublishedInATraceOfItsOwn() {
        Span publication = tracing.startPublication("agencies", "event-2", "org.isecg.test.v1", TraceHeaders.NONE);
        publication.end();

        assertThat(publication.context().traceId()).matches("[0-9a-f]{32}");
        assertThat(publication.context().parentId()).isNull();
    }

    @Test
    void aConsumerHandlesTheRecordInTheTraceOfItsHeadersAndWritesInItToo() {
        // given: raw Kafka header values, as the binder hands them over
        MessageHeaders headers = new MessageHeaders(Map.of(CloudEventHeaders.TRACE_PARENT,
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(UTF_8)));
        Span processing = tracing.startProcessing(headers, "agencies", "recorder");
        TraceHeaders[] keptByTheHandler = new TraceHeaders[1];

        // when
        tracing.run(processing, () -> keptByTheHandler[0] = tracing.current());

        // then
        assertThat(processing.context().traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(processing.context().parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(keptByTheHandler[0].traceparent()).matches(W3C)
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-" + processing.context().spanId() + "-01");
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void aFailureOfTheWorkPropagatesAndTheSpanEndsOutOfScope() {
        Span processing = tracing.startProcessing(new MessageHeaders(Map.of()), "agencies", "recorder");

        assertThatThrownBy(() -> tracing.run(processing, () -> {
            throw new IllegalStateException("handler failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("handler failure");
        assertThat(tracer.currentSpan()).isNull();
    }

    @Test
    void withoutATracerNothingIsKeptAndNothingFails() {
        EventTracing off = EventTracing.off();
        Span publication = off.startPublication("agencies", "event-3", "org.isecg.test.v1", TraceHeaders.NONE);
        Map<String, String> headers = new LinkedHashMap<>();

        off.run(publication, () -> off.inject(publication, headers::put));

        assertThat(off.current()).isEqualTo(TraceHeaders.NONE);
        assertThat(headers).isEmpty();
    }
}
