package org.isecg.web.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

/**
 * Names each service's OpenAPI document after the service, so that the documents of the five
 * services can be told apart when gathered; the operations come from the controllers.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI hubOpenApi(@Value("${spring.application.name}") String application) {
        return new OpenAPI().info(new Info()
                .title("ISECG Coordination Hub: " + application)
                .version("v1")
                .description("Reached through the gateway under /api/v1. Errors are RFC 9457 problem details "
                        + "(application/problem+json); changes need If-Match with the version read (the ETag)."));
    }
}
