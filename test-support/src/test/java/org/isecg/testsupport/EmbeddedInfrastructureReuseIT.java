package org.isecg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/** A second context (other properties, so not the cached one) on the same broker and server. */
@SpringBootTest(classes = InfrastructureProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"isecg.test.database=reuse-check", "spring.kafka.bootstrap-servers=127.0.0.1:1"})
@EmbeddedInfrastructure
class EmbeddedInfrastructureReuseIT {

    @Autowired
    Environment environment;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void theDatabaseNamedByTheTestIsUsedAndTheInfrastructureOverridesTheTestsOwnBrokerSetting() {
        assertThat(environment.getProperty("spring.mongodb.uri"))
                .isEqualTo(EmbeddedServers.shared().mongoConnectionString() + "/reuse-check");
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(EmbeddedServers.shared().kafkaBootstrapServers());
        assertThat(kafkaAdmin.clusterId()).isEqualTo(EmbeddedServers.shared().broker().clusterId());
    }

    @Test
    void anotherContextReusesTheSameBrokerButGetsADatabaseOfItsOwn() {
        try (ConfigurableApplicationContext other = new SpringApplicationBuilder(InfrastructureProbeApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new EmbeddedInfrastructureInitializer())
                .run()) {
            Environment otherEnvironment = other.getEnvironment();

            assertThat(otherEnvironment.getProperty("spring.kafka.bootstrap-servers"))
                    .isEqualTo(environment.getProperty("spring.kafka.bootstrap-servers"));
            assertThat(otherEnvironment.getProperty("spring.mongodb.uri"))
                    .startsWith(EmbeddedServers.shared().mongoConnectionString() + "/test-")
                    .isNotEqualTo(environment.getProperty("spring.mongodb.uri"));
            assertThat(other.getBean(KafkaAdmin.class).clusterId()).isEqualTo(kafkaAdmin.clusterId());
        }
    }
}
