package org.isecg.testsupport;

/** Where a test's Kafka broker and MongoDB server are, however they run. */
public interface TestInfrastructure {

    /** The value for {@code bootstrap.servers}. */
    String kafkaBootstrapServers();

    /** A connection string that selects {@code database}, e.g. {@code mongodb://127.0.0.1:41234/test-1a2b3c4d}. */
    String mongoConnectionString(String database);
}
