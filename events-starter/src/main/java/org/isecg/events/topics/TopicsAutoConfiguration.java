package org.isecg.events.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.isecg.events.inbound.InboundAutoConfiguration;
import org.isecg.events.inbound.InboundBindings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares the service's topics through Spring Kafka's {@link KafkaAdmin} (auto-configured by
 * Spring Boot from {@code spring.kafka.*}), which creates the missing ones at start-up, before any
 * binding starts, and brings the settings of existing ones in line. Neither the broker nor the
 * binder creates topics on first use (see isecg-events-defaults.yml), so a topic exists only with
 * its declared partitions, replication and retention.
 */
@AutoConfiguration(after = InboundAutoConfiguration.class)
@EnableConfigurationProperties(TopicProperties.class)
public class TopicsAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics hubTopics(TopicProperties properties, InboundBindings.Derived bindings) {
        return new KafkaAdmin.NewTopics(HubTopics.declared(properties, bindings.bindings()).toArray(NewTopic[]::new));
    }
}
