package org.isecg.web.openapi;

import java.util.List;

import org.isecg.web.security.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Each service's OpenAPI document: named after the service, so that the documents of the services can be
 * told apart when the gateway gathers them, with the API-wide facts of {@link OpenApiProperties}; the
 * operations come from the controllers, and {@link HubApiConventions} adds the bearer token and the
 * problem details every operation shares.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiAutoConfiguration {

    static {
        // a handler's Caller comes from the token, not from the request's parameters
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /** What every document of the Hub says about the API; the gateway's aggregate starts from it too. */
    public static Info info(String title, String description, OpenApiProperties properties) {
        OpenApiProperties.Contact contact = properties.contact();
        return new Info()
                .title(title)
                .version(properties.version())
                .description(description)
                .contact(new Contact().name(contact.name()).url(contact.url())
                        .email(contact.email() == null || contact.email().isBlank() ? null : contact.email()))
                .license(new License().name(properties.license().name()).url(properties.license().url()));
    }

    /** The servers of {@link OpenApiProperties#servers()}. */
    public static List<Server> servers(OpenApiProperties properties) {
        return properties.servers().stream()
                .map(server -> new Server().url(server.url()).description(server.description()))
                .toList();
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI hubOpenApi(@Value("${spring.application.name}") String application, OpenApiProperties properties) {
        return new OpenAPI()
                .info(info("ISECG Coordination Hub: " + application,
                        "One service's part of the Hub's API, reached through the gateway under /api/v1. Every "
                                + "call needs a bearer token (bearerAuth). Errors are RFC 9457 problem details "
                                + "(application/problem+json); changes need If-Match with the version read (the "
                                + "ETag). The gateway serves every service's operations in one document at "
                                + "/v3/api-docs and a Swagger UI at /swagger-ui.html (docs/api.md).",
                        properties))
                .servers(servers(properties));
    }

    @Bean
    OpenApiCustomizer hubApiConventions() {
        return new HubApiConventions();
    }
}
