package org.isecg.testsupport;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The smallest Spring Boot application that uses MongoDB and Kafka through Boot's
 * auto-configuration, as the services do; without component scanning so that it picks up nothing
 * else from this package.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class InfrastructureProbeApplication {
}
