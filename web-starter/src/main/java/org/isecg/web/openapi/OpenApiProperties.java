package org.isecg.web.openapi;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * What every service's OpenAPI document says about the API as a whole (isecg-web-defaults.yml): its
 * version, who to ask, the terms it is offered under and where it is reached. The title is the
 * service's name; the operations come from the controllers.
 *
 * @param version the version of the API the document describes
 * @param contact who answers questions about the API
 * @param license the terms the API and its description are offered under
 * @param servers where the API is reached; a relative URL is resolved against the document's own URL
 */
@Validated
@ConfigurationProperties("isecg.openapi")
public record OpenApiProperties(
        @NotBlank String version,
        @NotNull @Valid Contact contact,
        @NotNull @Valid License license,
        @NotEmpty List<@Valid Server> servers) {

    /** The {@code info.contact} of every document. */
    public record Contact(@NotBlank String name, @NotBlank String url, String email) {
    }

    /** The {@code info.license}: a name and the URL of its text. */
    public record License(@NotBlank String name, @NotBlank String url) {
    }

    /** One entry of {@code servers}. */
    public record Server(@NotBlank String url, @NotBlank String description) {
    }
}
