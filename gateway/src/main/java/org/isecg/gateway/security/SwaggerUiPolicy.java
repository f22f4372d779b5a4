package org.isecg.gateway.security;

import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The Content-Security-Policy of Swagger UI's files under {@code /swagger-ui/}, the one page the gateway
 * serves: its scripts, styles, images and calls come from the gateway alone, as the API's {@code default-src
 * 'none'} would forbid. Inline styles, which the UI sets as it renders, and the {@code data:} images of its
 * style sheet are allowed; inline scripts, other origins and framing are not.
 */
final class SwaggerUiPolicy {

    static final String DIRECTIVES = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final ServerWebExchangeMatcher UI_FILES = ServerWebExchangeMatchers.pathMatchers("/swagger-ui/**");

    private SwaggerUiPolicy() {
    }

    /** Swagger UI's policy on its files, {@code otherwise} on every other answer. */
    static ServerHttpHeadersWriter orElse(ServerHttpHeadersWriter otherwise) {
        ContentSecurityPolicyServerHttpHeadersWriter ui = new ContentSecurityPolicyServerHttpHeadersWriter();
        ui.setPolicyDirectives(DIRECTIVES);
        return exchange -> UI_FILES.matches(exchange)
                .flatMap(match -> match.isMatch() ? ui.writeHttpHeaders(exchange) : otherwise.writeHttpHeaders(exchange));
    }
}
