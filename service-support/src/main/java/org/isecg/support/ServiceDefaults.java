package org.isecg.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.isecg.support.outbox.OutboxBindings;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings every service shares (isecg-service-defaults.yml: Kafka producer and consumer
 * guarantees, dead-letter topics, actuator exposure, connection defaults) with the lowest
 * precedence, so that a service's own application.yml, its profiles and the environment override
 * them and each service's file stays small. The outbox relay's output bindings are derived from
 * the contracts ({@link OutboxBindings}) and added the same way.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "isecg-service-defaults.yml";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                    .load("isecg-service-defaults", new ClassPathResource(RESOURCE));
            sources.forEach(environment.getPropertySources()::addLast);
            environment.getPropertySources().addLast(new MapPropertySource("isecg-outbox-bindings", OutboxBindings.properties()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
