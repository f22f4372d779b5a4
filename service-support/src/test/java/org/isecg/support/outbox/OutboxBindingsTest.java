package org.isecg.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.isecg.support.ServiceDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

class OutboxBindingsTest {

    @Test
    void everyTopicAnEventIsPublishedOnHasAnOutputBindingToThatTopicInEveryService() {
        StandardEnvironment environment = new StandardEnvironment();

        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        for (EventType<?> type : EventTypes.ALL) {
            String binding = OutboxBindings.of(type.topic());
            assertThat(environment.getProperty("spring.cloud.stream.bindings." + binding + ".destination"))
                    .as("destination of binding %s", binding)
                    .isEqualTo(type.topic());
        }
    }

    @Test
    void aServiceCanStillOverrideABindingsDestination() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getSystemProperties().put("spring.cloud.stream.bindings.outbox-overlaps.destination", "elsewhere");

        new ServiceDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.cloud.stream.bindings.outbox-overlaps.destination"))
                .isEqualTo("elsewhere");
    }
}
