package org.isecg.events.topics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * How the Hub's topics are declared. The embedded default is one broker, so replication factor 1;
 * production runs three brokers with replication factor 3 and {@code min.insync.replicas} 2, so
 * that an acknowledged event survives the loss of a broker (the {@code production} profile of
 * isecg-events-defaults.yml, or {@code KAFKA_REPLICATION_FACTOR} and {@code KAFKA_MIN_INSYNC_REPLICAS}).
 *
 * @param partitions          partitions of every aggregate topic and of its dead-letter topics (dead
 *                            letters are partitioned by key, like the events they come from)
 * @param replicationFactor   copies of every partition
 * @param minInsyncReplicas   copies that must have an event before the broker acknowledges it
 *                            ({@code acks=all})
 * @param compactionLag       how long every event of an aggregate topic is kept before compaction may
 *                            drop it in favour of a newer event of the same aggregate: consumers
 *                            that fall behind by less than this see every event
 * @param deadLetterRetention how long a dead letter is kept for replay
 */
@Validated
@ConfigurationProperties("isecg.topics")
public record TopicProperties(
        @Positive @DefaultValue("3") int partitions,
        @Min(1) @Max(Short.MAX_VALUE) @DefaultValue("1") int replicationFactor,
        @Positive @DefaultValue("1") int minInsyncReplicas,
        @NotNull @DefaultValue("7d") Duration compactionLag,
        @NotNull @DefaultValue("28d") Duration deadLetterRetention) {
}
