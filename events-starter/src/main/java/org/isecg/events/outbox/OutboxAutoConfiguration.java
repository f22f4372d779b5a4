package org.isecg.events.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.isecg.events.faults.FaultPoints;
import org.isecg.events.faults.FaultsAutoConfiguration;
import org.isecg.events.tracing.EventTracing;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/** The outbox and its relay, for every service that publishes events. */
@AutoConfiguration(after = {DataMongoReactiveAutoConfiguration.class, FaultsAutoConfiguration.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Traces across the outbox and Kafka, on the tracer the web starter configures; tracing that
     * records nothing where there is none.
     */
    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** The CloudEvents {@code source} of everything this service publishes, e.g. {@code /hub/roadmap-service}. */
    @Bean
    OutboxEvents outboxEvents(@Value("${spring.application.name}") String application, Clock clock,
            EventTracing tracing) {
        return new OutboxEvents("/hub/" + application, clock, tracing);
    }

    /**
     * The relay's producer: byte-array records, idempotent, acknowledged by all in-sync replicas,
     * with the timeouts of {@code spring.kafka.producer} (isecg-events-defaults.yml). Its own, not
     * the binder's: see {@link CloudEventPublisher}.
     */
    @Bean
    KafkaTemplate<byte[], byte[]> outboxRecordTemplate(KafkaProperties kafka) {
        Map<String, Object> properties = new HashMap<>(kafka.buildProducerProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, kafka.getClientId() == null ? "outbox-relay"
                : kafka.getClientId() + "-outbox-relay");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    CloudEventPublisher cloudEventPublisher(KafkaTemplate<byte[], byte[]> outboxRecordTemplate, EventTracing tracing) {
        return new CloudEventPublisher(outboxRecordTemplate, tracing);
    }

    @Bean
    OutboxCollections outboxCollections(MongoMappingContext mappingContext) {
        return new OutboxCollections(mappingContext);
    }

    @Bean
    AggregateWriter aggregateWriter(ReactiveMongoOperations mongo, OutboxEvents outboxEvents, OutboxRelay relay,
            OutboxCollections collections) {
        return new AggregateWriter(mongo, outboxEvents, relay, collections);
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoOperations mongo, CloudEventPublisher publisher, OutboxProperties properties,
            OutboxCollections collections, Clock clock, MeterRegistry meters, Environment environment,
            FaultPoints faults) {
        // crash tests only: the relay's points become fault points (outbox.before-publish:<collection>, ...)
        RelayHook hook = faults.anyArmed() ? new FaultPointRelayHook(faults) : RelayHook.NONE;
        return new OutboxRelay(mongo, publisher, properties, collections, clock, meters,
                InstanceIdentity.of(properties, environment), hook);
    }

    /** Lists and re-queues parked events; exposed on the management port by the web defaults. */
    @Bean
    @ConditionalOnAvailableEndpoint
    OutboxEndpoint outboxEndpoint(OutboxRelay relay) {
        return new OutboxEndpoint(relay);
    }
}
