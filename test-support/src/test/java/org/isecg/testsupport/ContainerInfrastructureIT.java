package org.isecg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The twin of {@link EmbeddedInfrastructureIT} on real containers; skipped where there is no Docker. */
@SpringBootTest(classes = InfrastructureProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContainerInfrastructureTest
@Testcontainers(disabledWithoutDocker = true)
class ContainerInfrastructureIT {

    @Autowired
    Environment environment;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void bootsAutoConfiguredClientsTalkToTheContainers() throws Exception {
        String uri = environment.getProperty("spring.mongodb.uri");
        String database = new ConnectionString(uri).getDatabase();
        String bootstrapServers = ContainerInfrastructure.shared().kafkaBootstrapServers();

        Probes.insert(mongoClient, database, new Document("_id", "probe").append("agency", "CSA"));

        assertThat(database).startsWith("test-");
        assertThat(Probes.findAll(uri, database)).hasSize(1);
        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(bootstrapServers);
        assertThat(kafkaAdmin.clusterId()).isEqualTo(Probes.clusterId(bootstrapServers));
    }
}
