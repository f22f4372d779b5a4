package org.isecg.identity.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.isecg.contracts.FieldPatterns;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What the issuer issues, to whom, and with which key ({@code isecg.identity} in application.yml).
 *
 * @param issuer                    the {@code iss} of every token and the base of the metadata and JWKS
 *                                  URLs; the services validate against the same value ({@code ISSUER_URI})
 * @param audience                  the {@code aud} of every token, which every service checks
 * @param tokenLifetime             how long an access token is valid; tokens are short-lived, so at most an hour
 * @param keys                      where the signing key lives
 * @param developmentSecretsAllowed whether a client may keep its documented development secret
 *                                  ({@code dev-<client>-secret}); {@code false} in the {@code production} profile
 * @param clients                   the clients by client id, e.g. {@code NASA}, {@code secretariat}
 */
@ConfigurationProperties("isecg.identity")
@Validated
public record IdentityProperties(
        @NotNull URI issuer,
        @NotBlank String audience,
        @NotNull @DurationMin(seconds = 10) @DurationMax(hours = 1) Duration tokenLifetime,
        @NotNull @Valid Keys keys,
        boolean developmentSecretsAllowed,
        @NotEmpty Map<String, @NotNull @Valid Client> clients) {

    /**
     * @param directory        holds {@code signing-key.pem}; in production a mounted secret
     * @param generateIfMissing whether the first start may generate the key; {@code false} in production,
     *                          where every replica must sign with the one mounted key
     */
    public record Keys(@NotNull Path directory, boolean generateIfMissing) {
    }

    /**
     * One client of the token endpoint.
     *
     * @param agency the agency the client acts for, carried in the {@code agency} claim; none for the
     *               secretariat, the standards board and the operators
     * @param secret the client secret, in plain text or already encoded ({@code {bcrypt}$2a$...})
     * @param scopes the scopes the client may ask for, names from {@code HubScopes}; granted all when it
     *               asks for none
     */
    public record Client(
            @Pattern(regexp = FieldPatterns.AGENCY_CODE) String agency,
            @NotBlank String secret,
            @NotEmpty Set<@NotBlank String> scopes) {
    }
}
