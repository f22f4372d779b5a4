package org.isecg.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Spans leave a service only where a collector is named: the exporter is on the classpath of every
 * service, idle by default, and an endpoint in the configuration is all it takes. The collector
 * named here is never contacted: no span is made.
 */
class OtlpExportTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=export-test")
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class));

    @Test
    void withoutAnEndpointNothingIsExported() {
        contexts.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SpanExporter.class));
    }

    @Test
    void anEndpointAloneTurnsOnOtlpExportOverHttpWithTheJdkClient() {
        contexts.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:4318/v1/traces")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(OtlpHttpSpanExporter.class));
    }
}
