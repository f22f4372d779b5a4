package org.isecg.identity.agency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.agency.AgencyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the register's compacted topic into {@link AgencyStatuses}: every partition from the
 * beginning at each start, then whatever follows, on a thread of its own. It keeps no consumer group
 * and commits no offsets: the compacted topic holds every agency's latest state, so reading it again
 * is how a start learns the statuses. The start waits, at most {@code catch-up}, until the topic has
 * been read to the end it had, so that an agency deactivated before the start is refused from the
 * first request on. Kafka failures are logged and retried; they never stop the issuer.
 */
public final class AgencyRegisterReader implements SmartLifecycle {

    /** The register's event types; every one carries the agency's whole entry, its status included. */
    private static final Set<String> AGENCY_EVENT_TYPES = Set.of(
            "org.isecg.register.agency.registered.v1", "org.isecg.register.agency.updated.v1",
            "org.isecg.register.agency.deactivated.v1", "org.isecg.register.agency.reactivated.v1");
    /**
     * Ahead of the web server (Spring Boot starts it at {@code DEFAULT_PHASE - 2048}), so that no token
     * request is answered before the catch-up, and stopped after it.
     */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(AgencyRegisterReader.class);

    private final AgencyRegisterProperties properties;
    private final AgencyStatuses statuses;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    /** Ends a pause early when the issuer stops; waking the consumer ends a poll, no interrupt needed. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public AgencyRegisterReader(AgencyRegisterProperties properties, AgencyStatuses statuses) {
        this.properties = properties;
        this.statuses = statuses;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::readUntilStopped, "agency-register-reader");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!caughtUp.await(properties.catchUp().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The agency register on topic {} at {} was not read to its end within {}; the issuer "
                        + "starts anyway and counts agencies it has not read yet as active", properties.topic(),
                        properties.bootstrapServers(), properties.catchUp());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(STOP_PATIENCE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether the topic has been read to the end it had when the reader (re)connected. */
    public boolean hasCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    private void readUntilStopped() {
        while (running) {
            try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(consumerProperties())) {
                consumer = opened;
                read(opened);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Reading the agency register on topic {} failed; trying again in {}", properties.topic(),
                            properties.retryBackoff(), e);
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = awaitPartitions(kafka);
        if (partitions.isEmpty()) {
            return;
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                apply(record);
            }
            if (!hasCaughtUp() && ends.entrySet().stream()
                    .allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                caughtUp.countDown();
            }
        }
    }

    /**
     * The topic's partitions, once it exists. The register's service creates it; until then there is no
     * agency to read, so the start need not wait for it.
     */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            List<PartitionInfo> found = kafka.partitionsFor(properties.topic());
            if (found != null && !found.isEmpty()) {
                return found.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            }
            caughtUp.countDown();
            pause();
        }
        return List.of();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String code = record.key();
        if (code == null) {
            return;
        }
        if (record.value() == null) {
            statuses.forget(code);
            return;
        }
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || !AGENCY_EVENT_TYPES.contains(new String(type.value(), UTF_8))) {
            return;
        }
        AgencyStatus status = status(record);
        if (status != null && statuses.record(code, status)) {
            log.info("Agency {} is {}: its clients {}", code, status,
                    status == AgencyStatus.INACTIVE ? "get no more tokens" : "get tokens");
        }
    }

    /** The entry's status, read tolerantly; null, and skipped, when the record has none the issuer knows. */
    private AgencyStatus status(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode data = json.readTree(record.value());
            return AgencyStatus.valueOf(data.path("status").asString());
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipped the record at {}-{}@{}: it carries no agency status ({})", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    private void pause() {
        try {
            stopping.await(properties.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private Properties consumerProperties() {
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        consumerProperties.put(ConsumerConfig.CLIENT_ID_CONFIG, "identity-service-agency-register");
        consumerProperties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProperties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return consumerProperties;
    }
}
