package org.isecg.web.tracing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;

/**
 * The trace id in every response. The tracing itself (the OpenTelemetry tracer, W3C propagation,
 * trace ids in the MDC, sampling, export) is Spring Boot's, configured in isecg-web-defaults.yml.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class TracingAutoConfiguration {

    @Bean
    TraceIdResponseHeader traceIdResponseHeader(ObjectProvider<Tracer> tracer) {
        return new TraceIdResponseHeader(tracer);
    }
}
