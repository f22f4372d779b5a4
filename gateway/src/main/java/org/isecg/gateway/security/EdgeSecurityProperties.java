package org.isecg.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * CORS for browser clients and the security headers on every response.
 *
 * @param cors which browser origins may call the API
 * @param hsts Strict-Transport-Security on HTTPS requests
 */
@Validated
@ConfigurationProperties("isecg.gateway.security")
public record EdgeSecurityProperties(@Valid @NotNull @DefaultValue Cors cors, @Valid @NotNull @DefaultValue Hsts hsts) {

    /**
     * @param allowedOrigins origins (scheme, host, port; patterns such as {@code https://*.esa.int} too)
     *                       whose pages may call the API; none by default, so browsers get no
     *                       cross-origin access and a cross-origin request is a 403
     * @param maxAge         how long a browser may keep a preflight's answer
     */
    public record Cors(@NotNull @DefaultValue List<String> allowedOrigins, @NotNull @DefaultValue("1h") Duration maxAge) {
    }

    /**
     * @param enabled           sent only on HTTPS requests, also those a TLS-terminating proxy forwards
     *                          with {@code X-Forwarded-Proto: https} when the gateway trusts forwarded
     *                          headers ({@code server.forward-headers-strategy})
     * @param maxAge            how long a browser keeps to HTTPS
     * @param includeSubdomains whether the policy covers the host's subdomains
     */
    public record Hsts(@DefaultValue("true") boolean enabled, @NotNull @DefaultValue("365d") Duration maxAge,
            @DefaultValue("true") boolean includeSubdomains) {
    }
}
