package org.isecg.web.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Which bearer tokens a service (or the gateway) takes: those its issuer signed for the Hub
 * (docs/security.md, "Validation").
 *
 * @param issuer    the issuer, compared exactly with each token's {@code iss}; its keys are discovered
 *                  from its metadata (OpenID discovery, else RFC 8414) when {@code jwkSetUri} is not set
 * @param jwkSetUri where the issuer publishes its signing keys (a JWK Set); optional
 * @param audience  what each token's {@code aud} must contain, so that a token the issuer made for
 *                  another system is refused
 * @param clockSkew how far the clocks of the issuer and this service may differ when checking
 *                  {@code exp} and {@code nbf}
 */
@Validated
@ConfigurationProperties("isecg.security")
public record HubSecurityProperties(
        @NotNull URI issuer,
        URI jwkSetUri,
        @NotBlank @DefaultValue("isecg-hub") String audience,
        @NotNull @DefaultValue("30s") Duration clockSkew) {

    public HubSecurityProperties {
        // an empty ${ISSUER_JWK_SET_URI:} means "not set": discover the keys from the issuer
        if (jwkSetUri != null && jwkSetUri.toString().isBlank()) {
            jwkSetUri = null;
        }
    }
}
