package org.isecg.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class OutboxBindingsTest {

    @Test
    void everyTopicAnEventIsPublishedOnHasAnOutputBindingToThatTopic() throws IOException {
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                .load("defaults", new ClassPathResource("isecg-service-defaults.yml"));

        for (EventType<?> type : EventTypes.ALL) {
            String binding = CloudEventPublisher.bindingOf(type.topic());
            assertThat(defaults.get(0).getProperty("spring.cloud.stream.bindings." + binding + ".destination"))
                    .as("destination of binding %s", binding)
                    .isEqualTo(type.topic());
        }
    }
}
