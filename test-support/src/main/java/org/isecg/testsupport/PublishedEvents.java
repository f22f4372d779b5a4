package org.isecg.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventType;

/**
 * The events on a topic as any consumer sees them: read with a plain Kafka consumer (no group, no
 * binder) from the beginning of every partition, so a test sees exactly what went over the wire.
 */
public final class PublishedEvents {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String bootstrapServers;

    public PublishedEvents(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The first event of that type with that key, once it is on the type's topic. */
    public <E extends DomainEvent> PublishedEvent<E> awaitOne(EventType<E> type, String key) {
        return awaitAtLeast(1, type, key).get(0);
    }

    /** The first event of that type with that key that matches, once it is on the type's topic. */
    public <E extends DomainEvent> PublishedEvent<E> awaitFirst(EventType<E> type, String key, Predicate<E> matching) {
        return awaitAtLeast(1, type, key, matching).get(0);
    }

    /** The first record with that key on any topic, e.g. a dead-letter topic, as raw bytes and headers. */
    public PublishedRecord awaitRecord(String topic, String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumerFromBeginning(topic)) {
            List<PublishedRecord> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(new String(record.key(), UTF_8))) {
                        found.add(new PublishedRecord(key, headers(record), record.value()));
                    }
                }
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /**
     * Every record with that key on the topic now (e.g. a dead-letter topic), in offset order: read up
     * to the end of every partition as of the call.
     */
    public List<PublishedRecord> recordsSoFar(String topic, String key) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumerFromBeginning(topic)) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
            List<PublishedRecord> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                            && key.equals(new String(record.key(), UTF_8))) {
                        found.add(new PublishedRecord(key, headers(record), record.value()));
                    }
                }
                return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
            });
            return found;
        }
    }

    /** Every event of that type with that key, in offset order, once there are at least {@code count}. */
    public <E extends DomainEvent> List<PublishedEvent<E>> awaitAtLeast(int count, EventType<E> type, String key) {
        return awaitAtLeast(count, type, key, event -> true);
    }

    private <E extends DomainEvent> List<PublishedEvent<E>> awaitAtLeast(int count, EventType<E> type, String key,
            Predicate<E> matching) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumerFromBeginning(type.topic())) {
            List<PublishedEvent<E>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = headers(record);
                    if (key.equals(new String(record.key(), UTF_8)) && type.name().equals(headers.get(CloudEventHeaders.TYPE))) {
                        E data = EventJson.read(record.value(), type);
                        if (matching.test(data)) {
                            found.add(new PublishedEvent<>(key, headers, record.value(), data));
                        }
                    }
                }
                return found.size() >= count;
            });
            return found;
        }
    }

    /**
     * Every event of that type with that key that is on its topic now, in offset order: read up to
     * the end of every partition as of the call. Counting is exact once whatever the test caused has
     * left the outboxes, e.g. when the aggregate's outbox is empty again.
     */
    public <E extends DomainEvent> List<PublishedEvent<E>> publishedSoFar(EventType<E> type, String key) {
        return recordsSoFar(type.topic(), key).stream()
                .filter(record -> type.name().equals(record.headers().get(CloudEventHeaders.TYPE)))
                .map(record -> new PublishedEvent<>(key, record.headers(), record.value(), EventJson.read(record.value(), type)))
                .toList();
    }

    /** A consumer of every partition of the topic, from the beginning, once the topic exists. */
    private KafkaConsumer<byte[], byte[]> consumerFromBeginning(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties());
        await().atMost(PATIENCE).until(() -> {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            return partitions != null && !partitions.isEmpty();
        });
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return properties;
    }

    private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), UTF_8));
        }
        return headers;
    }

    /**
     * One event as it went over the wire.
     *
     * @param headers the record's headers, UTF-8 decoded: the CloudEvents attributes
     * @param value   the record value, the event data as the producer wrote it
     * @param data    the value read into the contract's record
     */
    public record PublishedEvent<E extends DomainEvent>(String key, Map<String, String> headers, byte[] value, E data) {
    }

    /** A record as it went over the wire, whatever its topic. */
    public record PublishedRecord(String key, Map<String, String> headers, byte[] value) {
    }
}
