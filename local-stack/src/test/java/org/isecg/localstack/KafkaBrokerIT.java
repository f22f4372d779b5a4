package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class KafkaBrokerIT {

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerIT.class);
    private static final String TOPIC = "roadmap-plans";

    @TempDir
    Path dataDir;

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameDataDir() throws Exception {
        String clusterId;
        List<String> written = IntStream.range(0, 10).mapToObj(i -> "plan-" + i).toList();
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0)) {
            log.info("Broker on a fresh data dir (formatting included) started in {} ms",
                    broker.startupTime().toMillis());
            clusterId = broker.clusterId();
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty()))).all().get();
                // a created topic reaches the broker's metadata a moment after the create returns
                TopicDescription topic = await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                        .until(() -> admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC),
                                description -> description != null);
                assertThat(topic.partitions()).hasSize(3);
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            }
            produce(broker, written);
            assertThat(consume(broker, "planner", written.size())).containsExactlyInAnyOrderElementsOf(written);
        }

        try (KafkaBroker restarted = KafkaBroker.start(dataDir, 0, 0)) {
            log.info("Broker on an existing data dir started in {} ms", restarted.startupTime().toMillis());
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            try (Admin admin = admin(restarted)) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            }

            assertThat(consume(restarted, "late-reader", written.size())).containsExactlyInAnyOrderElementsOf(written);

            produce(restarted, List.of("plan-after-restart"));
            assertThat(consume(restarted, "planner", 1)).containsExactly("plan-after-restart");
        }
    }

    @Test
    void aTopicThatWasNeverCreatedIsAnErrorNotANewTopic() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0);
                KafkaProducer<String, String> producer = producer(broker, Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000))) {

            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("roadmap-plnas", "typo")).get())
                    .hasMessageContaining("roadmap-plnas");

            try (Admin admin = admin(broker)) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).doesNotContain("roadmap-plnas");
            }
        }
    }

    @Test
    void closeStopsTheBrokerWithinSeconds() {
        KafkaBroker broker = KafkaBroker.start(dataDir, 0, 0);
        long started = System.nanoTime();

        broker.close();

        Duration stopTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Broker stopped in {} ms", stopTime.toMillis());
        assertThat(stopTime).isLessThan(Duration.ofSeconds(10));
        assertThat(FreePorts.isFree(broker.port())).isTrue();
        assertThat(FreePorts.isFree(broker.controllerPort())).isTrue();
    }

    private static Admin admin(KafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void produce(KafkaBroker broker, List<String> values) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, value, value)).get();
            }
        }
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Polls as group {@code groupId} until at least {@code expected} records came, then commits. */
    private static List<String> consume(KafkaBroker broker, String groupId, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
            });
            consumer.commitSync();
        }
        return values;
    }
}
