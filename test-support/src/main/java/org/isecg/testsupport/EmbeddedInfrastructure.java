package org.isecg.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against this JVM's embedded Kafka broker and MongoDB wire-protocol server
 * (one of each per test JVM, shared by every context):
 *
 * <pre>{@code
 * @SpringBootTest
 * @EmbeddedInfrastructure
 * class PlanPublishingIT { ... }
 * }</pre>
 *
 * <p>Sets {@code spring.kafka.bootstrap-servers}, {@code spring.cloud.stream.kafka.binder.brokers}
 * and {@code spring.mongodb.uri} ahead of every other property source. The database is
 * {@code isecg.test.database} if the test sets it, otherwise {@code test-<random>} per context.
 * mongo-java-server has no transactions and ignores non-unique indexes; see the local-stack README.
 *
 * <p>The broker logs a lot at INFO when it starts; {@code logging.level.kafka=WARN} and
 * {@code logging.level.org.apache.kafka=WARN} in the test configuration quiet it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = EmbeddedInfrastructureInitializer.class)
public @interface EmbeddedInfrastructure {
}
