package org.isecg.web.correlation;

import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.micrometer.context.ContextRegistry;

/** Correlation ids on every reactive web request, bridged from the Reactor context into the MDC. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class CorrelationAutoConfiguration {

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.MDC_KEY,
                () -> MDC.get(CorrelationId.MDC_KEY),
                value -> MDC.put(CorrelationId.MDC_KEY, value),
                () -> MDC.remove(CorrelationId.MDC_KEY));
    }

    @Bean
    CorrelationIdWebFilter correlationIdWebFilter() {
        return new CorrelationIdWebFilter();
    }
}
