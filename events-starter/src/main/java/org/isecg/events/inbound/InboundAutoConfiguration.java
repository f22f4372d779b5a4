package org.isecg.events.inbound;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.isecg.contracts.EventSchemas;
import org.isecg.events.outbox.OutboxAutoConfiguration;
import org.isecg.events.tracing.EventTracing;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Inbound event handling, for every service that consumes events: the bindings derived from its
 * {@link EventHandler} beans, the decoding and deduplication around each handler, and the
 * bookkeeping of handled events with its purge, the error handling of the listener containers
 * (retry of transient failures, dead letters for permanent ones) and the replay of dead letters.
 */
@AutoConfiguration(after = OutboxAutoConfiguration.class)
@EnableConfigurationProperties(InboundProperties.class)
public class InboundAutoConfiguration {

    /** Static: a post-processor of bean definitions must exist before the configuration's own beans. */
    @Bean
    static InboundBindings inboundBindingsRegistrar() {
        return new InboundBindings();
    }

    /** A test may put a {@code ProcessedEvents} of its own in place, e.g. one that fails to record. */
    @Bean
    @ConditionalOnMissingBean
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
        EventSchemas.preload();
        return new InboundEvents(processed, meters, clock, tracing);
    }

    /** Byte-array records, idempotent, acknowledged by all in-sync replicas: dead letters and their replays. */
    @Bean
    KafkaTemplate<byte[], byte[]> inboundRecordTemplate(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    InboundErrorHandling inboundErrorHandling(InboundBindings.Derived derivedInboundBindings,
            KafkaTemplate<byte[], byte[]> inboundRecordTemplate, InboundProperties properties, MeterRegistry meters) {
        return new InboundErrorHandling(derivedInboundBindings, inboundRecordTemplate, properties.retry(), meters);
    }

    @Bean
    DeadLetters deadLetters(InboundBindings.Derived derivedInboundBindings, KafkaProperties kafka,
            KafkaTemplate<byte[], byte[]> inboundRecordTemplate) {
        return new DeadLetters(derivedInboundBindings, kafka.buildConsumerProperties(), inboundRecordTemplate);
    }

    @Bean
    DeadLettersEndpoint deadLettersEndpoint(DeadLetters deadLetters) {
        return new DeadLettersEndpoint(deadLetters);
    }
}
