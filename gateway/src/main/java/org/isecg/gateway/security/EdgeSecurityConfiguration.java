package org.isecg.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.isecg.gateway.problem.EdgeProblem;
import org.isecg.web.problem.ProblemResponses;
import org.isecg.web.security.HubResourceServer;
import org.isecg.web.security.HubScopes;
import org.isecg.web.security.Requirement;
import org.isecg.web.security.TokenProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.CacheControlServerHttpHeadersWriter;
import org.springframework.security.web.server.header.CompositeServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ContentTypeOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StrictTransportSecurityServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;

import reactor.core.publisher.Mono;

/**
 * The gateway's Spring Security filter chain: the security headers on every response, CORS, the
 * firewall's refusals as problem details, and bearer tokens validated as every service validates
 * them (the web starter's decoder and 401 problems): every request under {@code /api/} needs a valid
 * token, which is relayed to the service unchanged; the services check the scopes. CORS preflights,
 * the API documents and the gateway's own 404 for paths outside the API need none. No login page, no
 * basic authentication, no session: bearer tokens are the only credentials, so there is no cookie for
 * CSRF to abuse.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfiguration {

    /** The methods the Hub's APIs use; any other is a 405 at the gateway (TRACE, CONNECT, ...). */
    static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT,
            HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Bean
    SecurityWebFilterChain edgeFilterChain(ServerHttpSecurity http, ServerHttpHeadersWriter securityHeaders,
            CorsConfiguration cors, ProblemResponses problems, ReactiveJwtDecoder tokens, TokenProblems tokenProblems) {
        return HubResourceServer.tokens(http, tokens, tokenProblems)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .pathMatchers(HubResourceServer.OPEN_PATHS).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        // the management port's endpoints beyond the probes and the scrape (routes, ...)
                        .matchers(HubResourceServer.whereTheActuatorIs(ServerWebExchangeMatchers.pathMatchers("/actuator/**")))
                        .access(HubResourceServer.requiring(Requirement.scope(HubScopes.OPERATOR)))
                        // the gateway's own 404 for paths outside the API, and its fallback's
                        .anyExchange().permitAll())
                // one writer for the chain and the firewall's refusals alike (see exchangeRejected)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .addFilterAt(new HttpHeaderWriterWebFilter(securityHeaders), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new EdgeCors(cors, problems), SecurityWebFiltersOrder.CORS)
                .build();
    }

    /**
     * {@code X-Content-Type-Options: nosniff}; {@code Cache-Control: no-cache, no-store, max-age=0,
     * must-revalidate} unless the service set its own caching headers; {@code X-Frame-Options: DENY}
     * and CSP {@code default-src 'none'; frame-ancestors 'none'} (an API is never a page to frame or
     * run), but for Swagger UI's own files ({@link SwaggerUiPolicy}); {@code Referrer-Policy: no-referrer};
     * HSTS on HTTPS requests. All Spring Security's own writers.
     */
    @Bean
    ServerHttpHeadersWriter securityHeaders(EdgeSecurityProperties properties) {
        ContentSecurityPolicyServerHttpHeadersWriter csp = new ContentSecurityPolicyServerHttpHeadersWriter();
        csp.setPolicyDirectives("default-src 'none'; frame-ancestors 'none'");
        ServerHttpHeadersWriter policy = SwaggerUiPolicy.orElse(csp);
        XFrameOptionsServerHttpHeadersWriter frames = new XFrameOptionsServerHttpHeadersWriter();
        frames.setMode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY);
        ReferrerPolicyServerHttpHeadersWriter referrer = new ReferrerPolicyServerHttpHeadersWriter();
        referrer.setPolicy(ReferrerPolicy.NO_REFERRER);
        List<ServerHttpHeadersWriter> writers = new ArrayList<>(List.of(new ContentTypeOptionsServerHttpHeadersWriter(),
                new CacheControlServerHttpHeadersWriter(), frames, policy, referrer));
        if (properties.hsts().enabled()) {
            StrictTransportSecurityServerHttpHeadersWriter hsts = new StrictTransportSecurityServerHttpHeadersWriter();
            hsts.setMaxAge(properties.hsts().maxAge());
            hsts.setIncludeSubDomains(properties.hsts().includeSubdomains());
            writers.add(hsts);
        }
        return new CompositeServerHttpHeadersWriter(writers);
    }

    @Bean
    CorsConfiguration cors(EdgeSecurityProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_MATCH,
                HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "traceparent", "tracestate", "Last-Event-ID"));
        // what a browser script may read: versions for If-Match, where a create went, the trace id to quote
        cors.setExposedHeaders(List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Correlation-Id"));
        // bearer tokens travel in a header the script sets; no cookie is ever needed
        cors.setAllowCredentials(false);
        cors.setMaxAge(properties.cors().maxAge());
        return cors;
    }

    /** Spring Security's strict firewall, taking the Hub's methods only. */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHttpMethods(METHODS);
        return firewall;
    }

    /**
     * The firewall refuses before the chain's filters run, so this answer writes the security headers
     * itself: a method the gateway does not take is a {@code 405} with {@code Allow}, anything else
     * (an encoded slash, "..", a control character) a {@code 400}.
     */
    @Bean
    ServerExchangeRejectedHandler exchangeRejected(ServerHttpHeadersWriter securityHeaders, ProblemResponses problems) {
        return (exchange, rejected) -> securityHeaders.writeHttpHeaders(exchange)
                .then(Mono.defer(() -> problems.write(exchange, METHODS.contains(exchange.getRequest().getMethod())
                        ? EdgeProblem.rejected()
                        : EdgeProblem.methodNotAllowed(METHODS))));
    }
}
