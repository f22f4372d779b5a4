package org.isecg.testsupport;

import org.springframework.boot.SpringApplication;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Kafka ({@value #KAFKA_IMAGE}, KRaft) and a real MongoDB single-node replica set
 * ({@value #MONGO_IMAGE}) in containers, for machines with Docker: what the embedded servers cannot
 * show (MongoDB transactions, enforced non-unique and TTL indexes) shows here. One pair per test
 * JVM, started together on first use; Testcontainers' reaper removes them when the JVM ends.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    public static final String MONGO_IMAGE = "mongo:8.0";

    private static final Object LOCK = new Object();
    private static ContainerInfrastructure shared;

    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure(KafkaContainer kafka, MongoDBContainer mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** The containers of this JVM, started by the first call (needs a Docker engine). */
    public static ContainerInfrastructure shared() {
        synchronized (LOCK) {
            if (shared == null) {
                KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
                // in Testcontainers 2 the replica set is opt-in; production runs one
                MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
                Startables.deepStart(kafka, mongo).join();
                shared = new ContainerInfrastructure(kafka, mongo);
                SpringApplication.getShutdownHandlers().add(shared::stop);
            }
            return shared;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString(String database) {
        return mongo.getReplicaSetUrl(database);
    }

    private void stop() {
        kafka.stop();
        mongo.stop();
    }
}
