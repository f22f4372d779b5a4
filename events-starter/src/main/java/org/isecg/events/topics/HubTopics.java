package org.isecg.events.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.isecg.contracts.Topics;
import org.isecg.events.inbound.InboundBinding;

/**
 * The topics a service declares: every aggregate topic of the contracts, compacted by aggregate id,
 * and the dead-letter topic of each of its consumers, expired by age.
 *
 * <p>Aggregate topics are compacted rather than expired: every event carries its aggregate's whole
 * state and version, so the latest event of each key is all a replica or projection rebuilt "from
 * the beginning" needs, and compaction keeps it however old it is, where Kafka's default 7-day
 * retention would lose every aggregate that has not changed for a week. A lag before compaction
 * keeps each aggregate's recent history whole for consumers that are behind.
 *
 * <p>Every service declares every aggregate topic, not only those it writes: declaring is
 * idempotent and the settings come from one place, so the services may start in any order. Only
 * the owner writes to each (see {@link Topics}).
 */
public final class HubTopics {

    private HubTopics() {
    }

    public static List<NewTopic> declared(TopicProperties properties, List<InboundBinding> bindings) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic(topic, properties, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(properties.compactionLag().toMillis()))));
        }
        for (InboundBinding binding : bindings) {
            topics.add(topic(binding.deadLetterTopic(), properties, Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.deadLetterRetention().toMillis()))));
        }
        return topics;
    }

    private static NewTopic topic(String name, TopicProperties properties, Map<String, String> configs) {
        Map<String, String> all = new TreeMap<>(configs);
        all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.minInsyncReplicas()));
        return new NewTopic(name, properties.partitions(), (short) properties.replicationFactor()).configs(all);
    }
}
