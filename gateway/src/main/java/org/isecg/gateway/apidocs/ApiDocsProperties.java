package org.isecg.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The services whose OpenAPI documents the gateway gathers.
 *
 * @param services each service's name (the path of its document at the gateway, {@code /v3/api-docs/<name>})
 *                 and base URL, the same one its routes name; in this order its paths appear in the aggregate
 * @param timeout  how long a service may take to answer with its document; one that does not is left out of
 *                 the aggregate, which says so
 */
@Validated
@ConfigurationProperties("isecg.gateway.api-docs")
public record ApiDocsProperties(
        @NotEmpty Map<String, URI> services,
        @NotNull @DefaultValue("3s") Duration timeout) {
}
