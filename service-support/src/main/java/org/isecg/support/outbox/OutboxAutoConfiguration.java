package org.isecg.support.outbox;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

import io.micrometer.core.instrument.MeterRegistry;

/** The outbox and its relay, for every service that publishes events. */
@AutoConfiguration(after = DataMongoReactiveAutoConfiguration.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /hub/roadmap-service}. */
    @Bean
    OutboxEvents outboxEvents(@Value("${spring.application.name}") String application, Clock clock) {
        return new OutboxEvents("/hub/" + application, clock);
    }

    @Bean
    CloudEventPublisher cloudEventPublisher(StreamBridge streamBridge) {
        return new CloudEventPublisher(streamBridge);
    }

    @Bean
    AggregateWriter aggregateWriter(ReactiveMongoOperations mongo, OutboxEvents outboxEvents, OutboxRelay relay) {
        return new AggregateWriter(mongo, outboxEvents, relay);
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        return new OutboxRelay(mongo, publisher, properties, clock, meters);
    }
}
