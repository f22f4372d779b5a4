package org.isecg.web.security;

import java.util.List;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import reactor.core.publisher.Mono;

/**
 * The parts of a Spring Security chain that every HTTP service of the Hub and the gateway share:
 * bearer tokens as the only credentials (no login, no basic authentication, no session, so no cookie
 * for CSRF to abuse), validated by the {@link HubTokenDecoder}, refusals as {@link TokenProblems}; and
 * the services' rules per endpoint ({@link AccessRules}).
 */
public final class HubResourceServer {

    /** Open to anyone: the probes, the scrape, and the API documents. */
    public static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    /** What every service requires after its own rules. */
    static final AccessRules DEFAULTS = AccessRules.of(
            AccessRules.rule(HttpMethod.GET, "/api/**", Requirement.scope(HubScopes.READ)),
            AccessRules.rule(HttpMethod.HEAD, "/api/**", Requirement.scope(HubScopes.READ)),
            // the dead letters and the parked outbox events (operations across agencies)
            AccessRules.rule(null, "/actuator/**", Requirement.scope(HubScopes.OPERATOR)),
            AccessRules.rule(null, "/api/**", Requirement.nobody()));

    private static final String ACTUATOR = "/actuator";

    private HubResourceServer() {
    }

    /** Bearer tokens and their problem details on {@code http}; authorization is the caller's to add. */
    public static ServerHttpSecurity tokens(ServerHttpSecurity http, ReactiveJwtDecoder decoder, TokenProblems problems) {
        return http
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }

    /**
     * A service's authorization: the open paths, then the service's rules, then {@link #DEFAULTS};
     * anything else needs a valid token.
     */
    public static ServerHttpSecurity rules(ServerHttpSecurity http, AccessRules serviceRules) {
        List<AccessRules.Rule> rules = serviceRules.then(DEFAULTS).rules();
        return http.authorizeExchange(exchanges -> {
            exchanges.pathMatchers(OPEN_PATHS).permitAll();
            for (AccessRules.Rule rule : rules) {
                ServerWebExchangeMatcher paths = rule.method() == null ? ServerWebExchangeMatchers.pathMatchers(rule.pathPattern())
                        : ServerWebExchangeMatchers.pathMatchers(rule.method(), rule.pathPattern());
                exchanges.matchers(rule.pathPattern().startsWith(ACTUATOR) ? whereTheActuatorIs(paths) : paths)
                        .access(requiring(rule.requirement()));
            }
            exchanges.anyExchange().authenticated();
        });
    }

    /**
     * {@code matcher}, on the server that serves the actuator: the management server when it has a
     * port of its own (on the API's port {@code /actuator/...} is then just a path nothing answers, a
     * 404 like any other), else the one server.
     */
    public static ServerWebExchangeMatcher whereTheActuatorIs(ServerWebExchangeMatcher matcher) {
        return exchange -> matcher.matches(exchange).flatMap(result -> {
            ApplicationContext context = exchange.getApplicationContext();
            boolean servedHere = !result.isMatch() || context == null
                    || WebServerApplicationContext.hasServerNamespace(context, "management")
                    || !hasManagementServerOfItsOwn(context.getEnvironment());
            return servedHere ? Mono.just(result) : ServerWebExchangeMatcher.MatchResult.notMatch();
        });
    }

    private static boolean hasManagementServerOfItsOwn(Environment environment) {
        String management = environment.getProperty("local.management.port");
        return management != null && !management.equals(environment.getProperty("local.server.port"));
    }

    /** Grants a validated token that meets the requirement; a refusal leaves it for the 403's challenge. */
    public static ReactiveAuthorizationManager<AuthorizationContext> requiring(Requirement requirement) {
        return (authentication, context) -> authentication.flatMap(Callers::of)
                .map(caller -> {
                    boolean met = requirement.isMetBy(caller);
                    if (!met) {
                        context.getExchange().getAttributes().put(TokenProblems.REFUSED_BY, requirement);
                    }
                    return (AuthorizationResult) new AuthorizationDecision(met);
                })
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
