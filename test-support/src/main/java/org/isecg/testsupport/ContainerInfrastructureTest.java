package org.isecg.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Runs a Spring test against real Kafka and MongoDB containers ({@link ContainerInfrastructure}),
 * with the same properties as {@link EmbeddedInfrastructure @EmbeddedInfrastructure}:
 *
 * <pre>{@code
 * @SpringBootTest
 * @ContainerInfrastructureTest
 * @Testcontainers(disabledWithoutDocker = true)
 * class PlanTransactionsContainerIT { ... }
 * }</pre>
 *
 * <p>Without a Docker engine the test class is skipped, not failed: this annotation carries
 * {@code @Testcontainers(disabledWithoutDocker = true)} itself, and tests repeat it so that a
 * reader sees it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = ContainerInfrastructureInitializer.class)
public @interface ContainerInfrastructureTest {
}
