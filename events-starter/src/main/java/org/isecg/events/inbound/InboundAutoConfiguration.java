package org.isecg.events.inbound;

import java.time.Clock;

import org.isecg.events.outbox.OutboxAutoConfiguration;
import org.isecg.events.tracing.EventTracing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Inbound event handling, for every service that consumes events: the bindings derived from its
 * {@link EventHandler} beans, the decoding and deduplication around each handler, and the
 * bookkeeping of handled events with its purge.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@EnableConfigurationProperties(InboundProperties.class)
public class InboundAutoConfiguration {

    /** Static: a post-processor of bean definitions must exist before the configuration's own beans. */
    @Bean
    static InboundBindings inboundBindingsRegistrar() {
        return new InboundBindings();
    }

    @Bean
    ProcessedEvents processedEvents(ReactiveMongoOperations mongo, Clock clock, InboundProperties properties) {
        return new ProcessedEvents(mongo, clock, properties.processedRetention());
    }

    @Bean
    ProcessedEventsPurge processedEventsPurge(ProcessedEvents processed, InboundProperties properties,
            MeterRegistry meters) {
        return new ProcessedEventsPurge(processed, properties.purgeInterval(), meters);
    }

    @Bean
    InboundEvents inboundEvents(ProcessedEvents processed, MeterRegistry meters, Clock clock, EventTracing tracing) {
        return new InboundEvents(processed, meters, clock, tracing);
    }
}
