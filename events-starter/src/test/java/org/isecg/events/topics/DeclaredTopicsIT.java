package org.isecg.events.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.isecg.contracts.Topics;
import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

/** What a started service leaves on a broker that creates no topic by itself. */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedInfrastructure
class DeclaredTopicsIT {

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void everyAggregateTopicExistsCompactedWithItsDeclaredPartitions() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL).allTopicNames().get(10, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(Topics.ALL.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList()).all().get(10, TimeUnit.SECONDS);

            for (String topic : Topics.ALL) {
                assertThat(topics.get(topic).partitions()).as(topic).hasSize(3);
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic));
                assertThat(config.get("cleanup.policy").value()).as(topic).isEqualTo("compact");
                assertThat(config.get("min.insync.replicas").value()).as(topic).isEqualTo("1");
            }
        }
    }

    @Test
    void theDeadLetterTopicOfEachConsumerExistsBeforeAnythingFails() throws Exception {
        String deadLetters = "error.agencies.support-test.recorder";
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(deadLetters)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(deadLetters);
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, deadLetters)))
                    .all().get(10, TimeUnit.SECONDS).values().iterator().next();

            assertThat(description.partitions()).hasSize(3);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
        }
    }

    @Test
    void aTopicNobodyDeclaredIsNotCreatedByWritingToIt() throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer()); Admin admin = admin()) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("undeclared-topic", new byte[0])).get(5, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, org.apache.kafka.common.errors.TimeoutException.class);
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).doesNotContain("undeclared-topic");
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
