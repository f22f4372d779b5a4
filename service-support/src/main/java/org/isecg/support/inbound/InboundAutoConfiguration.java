package org.isecg.support.inbound;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.isecg.support.outbox.OutboxAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;

import io.micrometer.core.instrument.MeterRegistry;

/** Inbound event handling, for every service that consumes events. */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
public class InboundAutoConfiguration {

    /** How long an event id is remembered; redeliveries come within minutes. */
    private static final Duration REMEMBER = Duration.ofDays(7);

    @Bean
    ProcessedEvents processedEvents(ReactiveMongoOperations mongo, Clock clock) {
        mongo.indexOps(ProcessedEvents.COLLECTION)
                .createIndex(new Index("at", Sort.Direction.ASC).expire(REMEMBER.toSeconds(), TimeUnit.SECONDS))
                .subscribe();
        return new ProcessedEvents(mongo, clock);
    }

    @Bean
    InboundEvents inboundEvents(ProcessedEvents processed, MeterRegistry meters, Clock clock) {
        return new InboundEvents(processed, meters, clock);
    }
}
