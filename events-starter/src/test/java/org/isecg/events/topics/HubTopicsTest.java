package org.isecg.events.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.isecg.contracts.Topics;
import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.events.inbound.InboundBinding;
import org.junit.jupiter.api.Test;

class HubTopicsTest {

    private final TopicProperties production = new TopicProperties(6, 3, 2, Duration.ofDays(7), Duration.ofDays(28));

    @Test
    void everyAggregateTopicIsCompactedByKeySoThatARebuildFromTheBeginningSeesEveryAggregate() {
        Map<String, NewTopic> topics = declared(List.of());

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (String name : Topics.ALL) {
            NewTopic topic = topics.get(name);
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
            assertThat(topic.configs()).containsEntry("cleanup.policy", "compact")
                    .containsEntry("min.insync.replicas", "2")
                    .containsEntry("min.compaction.lag.ms", String.valueOf(Duration.ofDays(7).toMillis()))
                    .doesNotContainKey("retention.ms");
        }
    }

    @Test
    void eachConsumerHasADeadLetterTopicWithTheSourcesPartitionsThatExpiresByAge() {
        InboundBinding replica = InboundBinding.of("agencyReplica", Object.class, AgencyEvent.class, "roadmap-service");

        NewTopic deadLetters = declared(List.of(replica)).get("error.agencies.roadmap-service.agency-replica");

        assertThat(deadLetters.numPartitions()).isEqualTo(6);
        assertThat(deadLetters.configs()).containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", String.valueOf(Duration.ofDays(28).toMillis()))
                .containsEntry("min.insync.replicas", "2");
    }

    private Map<String, NewTopic> declared(List<InboundBinding> bindings) {
        return HubTopics.declared(production, bindings).stream()
                .collect(Collectors.toMap(NewTopic::name, Function.identity()));
    }
}
