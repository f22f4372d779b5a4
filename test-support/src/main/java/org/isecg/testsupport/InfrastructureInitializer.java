package org.isecg.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at a {@link TestInfrastructure}: sets, ahead of every other property
 * source, the Kafka bootstrap servers (for Spring Kafka and the Spring Cloud Stream binder) and the
 * MongoDB URI with a database of the context's own, token validation against {@link TestTokens}, and registers a {@link PublishedEvents} reader
 * of that broker's topics.
 */
public abstract class InfrastructureInitializer
        implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** Names the test's database; without it every context gets {@code test-<random>}. */
    public static final String DATABASE_PROPERTY = "isecg.test.database";

    /** Where the infrastructure is; called once per context. */
    protected abstract TestInfrastructure infrastructure();

    /** The name of the property source this initializer adds. */
    protected abstract String propertySourceName();

    @Override
    public final void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        TestInfrastructure infrastructure = infrastructure();
        // a random database per context: cached contexts live side by side and must not see
        // each other's documents
        String database = environment.getProperty(DATABASE_PROPERTY,
                "test-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.cloud.stream.kafka.binder.brokers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoConnectionString(database));
        properties.put(DATABASE_PROPERTY, database);
        properties.putAll(TestTokens.shared().properties());
        environment.getPropertySources().addFirst(new MapPropertySource(propertySourceName(), properties));
        // every test reads the topics of the same broker: one reader for the context, autowired
        context.getBeanFactory().registerSingleton("publishedEvents",
                new PublishedEvents(infrastructure.kafkaBootstrapServers()));
    }
}
