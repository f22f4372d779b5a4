package org.isecg.events.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.Topics;
import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.events.testapp.SupportTestApplication.Recorder;
import org.isecg.testsupport.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * MongoDB away for 60 s under a consumer (the outage a review measured dead-lettering valid events),
 * through a {@link FaultProxy} between the service and this JVM's Mongo wire-protocol server (run in
 * a JVM of its own, the {@code outages} failsafe execution).
 *
 * <p>Each attempt fails within the 2 s server-selection timeout set here, so the old binder retry
 * (4 attempts, back-off 0.5 + 1 + 2 s, at most 4 s) dead-lettered the head event of the partition
 * after at most 4 × 2 + 3.5 = 11.5 s; the {@code during(60 s)} assertion that the dead-letter topic
 * stays empty fails for it, and afterwards version 1 of the first agency is missing from what was
 * applied.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "isecg.inbound.retry.initial-interval=500ms",
        "isecg.inbound.retry.max-interval=2s"})
@ContextConfiguration(initializers = MongoOutageIT.BehindFaultProxy.class)
class MongoOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static FaultProxy mongoProxy;

    @Autowired
    Recorder recorder;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    InboundBindings.Derived bindings;
    @Autowired
    MeterRegistry meters;

    /** Kafka as usual; MongoDB through the proxy, with timeouts short enough to fail fast while it is cut. */
    static class BehindFaultProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            EmbeddedServers servers = EmbeddedServers.shared();
            mongoProxy = FaultProxy.to(URI.create(servers.mongoConnectionString()).getPort());
            String mongo = "mongodb://127.0.0.1:" + mongoProxy.port() + "/outage-" + UUID.randomUUID().toString().substring(0, 8)
                    + "?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000";
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("behindFaultProxy", Map.of(
                    "spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers(),
                    "spring.cloud.stream.kafka.binder.brokers", servers.kafkaBootstrapServers(),
                    "spring.mongodb.uri", mongo)));
        }
    }

    @AfterAll
    static void closeProxy() {
        mongoProxy.close();
    }

    @Test
    void eventsArrivingWhileMongoIsAwayAreAppliedInOrderOnceItIsBackAndNoneIsDeadLettered() throws Exception {
        // given a consumer that handles events
        String warmUp = code();
        publish(List.of(event(warmUp, 1)));
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.about(warmUp).size() == 1);
        InboundBinding binding = bindings.bindings().get(0);
        long deadBefore = deadLetters.pending(binding).total();

        // when MongoDB goes away and events of two agencies arrive on one partition
        String first = code();
        String second = code();
        mongoProxy.cut();
        try {
            publish(List.of(event(first, 1), event(second, 1), event(first, 2), event(second, 2),
                    event(first, 3), event(second, 3)));

            // then for longer than the old retries lasted nothing is applied and nothing dead-lettered
            await().pollInterval(Duration.ofSeconds(1)).during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).until(() ->
                    recorder.about(first).isEmpty() && recorder.about(second).isEmpty()
                            && deadLetters.pending(binding).total() == deadBefore);
        } finally {
            mongoProxy.restore();
        }

        // and once it is back every event is applied, once, in order per agency
        await().atMost(Duration.ofSeconds(60)).until(() ->
                recorder.appliedVersions(first).size() == 3 && recorder.appliedVersions(second).size() == 3);
        assertThat(recorder.about(first)).extracting(event -> ((AgencyEvent) event.data()).version()).containsExactly(1L, 2L, 3L);
        assertThat(recorder.about(second)).extracting(event -> ((AgencyEvent) event.data()).version()).containsExactly(1L, 2L, 3L);
        assertThat(deadLetters.pending(binding).total()).isEqualTo(deadBefore);
        assertThat(meters.find("isecg.events.dead-lettered").counters()).allSatisfy(counter ->
                assertThat(counter.count()).isZero());
    }

    private ProducerRecord<byte[], byte[]> event(String code, long version) {
        // one partition for both agencies: the second must not overtake the first's stuck event
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.AGENCIES, 0, code.getBytes(UTF_8),
                EventJson.write(SupportTestApplication.registered(code, version, "Outage " + version)));
        record.headers().add(CloudEventHeaders.ID, (code + "-" + version).getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, EventTypes.AGENCY_REGISTERED.name().getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        return record;
    }

    private void publish(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.shared().kafkaBootstrapServers());
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record).get();
            }
        }
    }

    private static String code() {
        return "O" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
