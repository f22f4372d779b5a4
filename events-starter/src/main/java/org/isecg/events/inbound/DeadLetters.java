package org.isecg.events.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topics of this service's input bindings, and their replay: an operator action,
 * taken once the cause of the dead letters is fixed (see {@link DeadLettersEndpoint}).
 *
 * <p>A replay re-publishes each dead letter not yet replayed onto its source topic with its
 * original key, value and headers (the CloudEvents attributes and the trace context); only the
 * headers the dead-lettering added ({@code kafka_dlt-*}, {@code isecg_dlt-*}) are dropped. How far
 * it got is the committed offset of the consumer group {@code <group>.replay} on the dead-letter
 * topic, committed only once every re-publication is acknowledged: a second replay sends only what
 * was dead-lettered since. A replay that fails half-way sends the same events again next time, which
 * the consumer's deduplication by event id absorbs, like any redelivery.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final InboundBindings.Derived bindings;
    private final Map<String, Object> consumerProperties;
    private final KafkaOperations<byte[], byte[]> producer;

    /**
     * @param consumerProperties Kafka client properties with at least the bootstrap servers
     * @param producer           the idempotent byte-array producer that re-publishes
     */
    public DeadLetters(InboundBindings.Derived bindings, Map<String, Object> consumerProperties,
            KafkaOperations<byte[], byte[]> producer) {
        this.bindings = bindings;
        this.consumerProperties = Map.copyOf(consumerProperties);
        this.producer = producer;
    }

    /** A binding's dead letters: how many its topic holds and how many of them no replay has sent back. */
    public record Pending(String consumer, String binding, String topic, String deadLetterTopic,
            long total, long notReplayed) {
    }

    /** What a replay sent back onto the source topic. */
    public record Replay(String consumer, String deadLetterTopic, String topic, long replayed) {
    }

    public List<Pending> pending() {
        return bindings.bindings().stream().map(this::pending).toList();
    }

    public Pending pending(InboundBinding binding) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(binding)) {
            List<TopicPartition> partitions = partitions(consumer, binding);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            long total = 0;
            long notReplayed = 0;
            for (TopicPartition partition : partitions) {
                long from = begin.get(partition);
                total += end.get(partition) - from;
                notReplayed += end.get(partition) - Math.max(from, next(replayed.get(partition), from));
            }
            return new Pending(binding.consumer(), binding.bindingName(), binding.topic(), binding.deadLetterTopic(),
                    total, notReplayed);
        }
    }

    /**
     * Replays the dead letters of one binding not yet replayed, up to those present when it starts.
     *
     * @param name the consumer ({@code recorder}) or binding name ({@code recorderConsumer-in-0})
     * @throws IllegalArgumentException when no binding has that name
     */
    public synchronized Replay replay(String name) {
        InboundBinding binding = binding(name);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(binding)) {
            List<TopicPartition> partitions = partitions(consumer, binding);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), TIMEOUT);
            Map<TopicPartition, Long> position = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long from = Math.max(begin.get(partition), next(committed.get(partition), 0));
                consumer.seek(partition, from);
                position.put(partition, from);
            }
            List<CompletableFuture<?>> sends = new ArrayList<>();
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (partitions.stream().anyMatch(partition -> position.get(partition) < end.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("replay of " + binding.deadLetterTopic() + " did not reach the end within "
                            + TIMEOUT + "; nothing was recorded as replayed");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    sends.add(producer.send(republication(binding, record)));
                    position.put(partition, record.offset() + 1);
                }
            }
            for (CompletableFuture<?> send : sends) {
                await(send);
            }
            Map<TopicPartition, OffsetAndMetadata> reached = new HashMap<>();
            position.forEach((partition, offset) -> reached.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(reached, TIMEOUT);
            log.info("replayed {} dead letters of {} onto {}", sends.size(), binding.deadLetterTopic(), binding.topic());
            return new Replay(binding.consumer(), binding.deadLetterTopic(), binding.topic(), sends.size());
        }
    }

    private ProducerRecord<byte[], byte[]> republication(InboundBinding binding, ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-") && !header.key().startsWith("isecg_dlt-")) {
                headers.add(header);
            }
        }
        // the key decides the partition, as it did when the relay published: one aggregate's events stay in one
        return new ProducerRecord<>(binding.topic(), null, record.key(), record.value(), headers);
    }

    private InboundBinding binding(String name) {
        return bindings.bindings().stream()
                .filter(binding -> binding.consumer().equals(name) || binding.bindingName().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no input binding named " + name));
    }

    private KafkaConsumer<byte[], byte[]> consumer(InboundBinding binding) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, binding.group() + ".replay");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, InboundBinding binding) {
        return consumer.partitionsFor(binding.deadLetterTopic(), TIMEOUT).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private static long next(OffsetAndMetadata committed, long otherwise) {
        return committed == null ? otherwise : committed.offset();
    }

    private static void await(CompletableFuture<?> send) {
        try {
            send.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted; nothing was recorded as replayed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a re-publication failed; nothing was recorded as replayed", e);
        }
    }
}
