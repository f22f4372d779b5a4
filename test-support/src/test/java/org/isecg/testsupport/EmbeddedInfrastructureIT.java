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

@SpringBootTest(classes = InfrastructureProbeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EmbeddedInfrastructure
class EmbeddedInfrastructureIT {

    @Autowired
    Environment environment;

    @Autowired
    MongoClient mongoClient;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void bootsAutoConfiguredMongoClientWritesToTheSharedServerInADatabaseOfItsOwn() {
        String uri = environment.getProperty("spring.mongodb.uri");
        String database = new ConnectionString(uri).getDatabase();

        Probes.insert(mongoClient, database, new Document("_id", "probe").append("agency", "JAXA"));

        assertThat(uri).isEqualTo(EmbeddedServers.shared().mongoConnectionString(database));
        assertThat(database).matches("test-[0-9a-f]{8}").isEqualTo(environment.getProperty("isecg.test.database"));
        assertThat(Probes.findAll(EmbeddedServers.shared().mongoConnectionString(), database))
                .singleElement()
                .satisfies(document -> assertThat(document.getString("agency")).isEqualTo("JAXA"));
    }

    @Test
    void bootsAutoConfiguredKafkaAdminTalksToTheSharedBroker() throws Exception {
        String bootstrapServers = EmbeddedServers.shared().kafkaBootstrapServers();

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(bootstrapServers);
        assertThat(environment.getProperty("spring.cloud.stream.kafka.binder.brokers")).isEqualTo(bootstrapServers);
        assertThat(kafkaAdmin.clusterId())
                .isNotBlank()
                .isEqualTo(Probes.clusterId(bootstrapServers))
                .isEqualTo(EmbeddedServers.shared().broker().clusterId());
    }
}
