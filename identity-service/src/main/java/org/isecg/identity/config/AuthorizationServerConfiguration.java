package org.isecg.identity.config;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.isecg.identity.agency.AgencyStatuses;
import org.isecg.identity.agency.ClientsOfActiveAgencies;
import org.isecg.identity.client.HubClients;
import org.isecg.identity.key.SigningKeys;
import org.isecg.identity.token.ClientScopesByDefault;
import org.isecg.identity.token.ExpiringAuthorizations;
import org.isecg.identity.token.HubTokenClaims;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Spring Authorization Server for the client-credentials grant only. Its endpoints, at their standard
 * paths: {@code POST /oauth2/token}, {@code GET /oauth2/jwks}, {@code GET /.well-known/oauth-authorization-server}
 * (RFC 8414 metadata, which resource servers discover from the issuer), {@code /oauth2/introspect} and
 * {@code /oauth2/revoke}. OpenID Connect stays off: there are no end users, and resource servers fall
 * back from OIDC discovery to RFC 8414 metadata.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    private static final String CLIENT_CREDENTIALS = AuthorizationGrantType.CLIENT_CREDENTIALS.getValue();
    private static final List<String> CLIENT_SECRET_METHODS = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.getValue(), ClientAuthenticationMethod.CLIENT_SECRET_POST.getValue());
    private static final int LOWEST_BCRYPT_COST = 4;

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.tokenEndpoint(token -> token.accessTokenRequestConverters(converters -> {
                converters.clear();
                converters.add(new ClientScopesByDefault());
            }));
            // the metadata advertises what this server does: one grant, clients authenticated by secret
            server.authorizationServerMetadataEndpoint(metadata -> metadata.authorizationServerMetadataCustomizer(
                    claims -> claims
                            .grantTypes(grantTypes -> grantTypes.retainAll(List.of(CLIENT_CREDENTIALS)))
                            .tokenEndpointAuthenticationMethods(methods -> methods.retainAll(CLIENT_SECRET_METHODS))
                            .tokenIntrospectionEndpointAuthenticationMethods(
                                    methods -> methods.retainAll(CLIENT_SECRET_METHODS))
                            .tokenRevocationEndpointAuthenticationMethods(
                                    methods -> methods.retainAll(CLIENT_SECRET_METHODS))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** Health and metrics for the stack and Prometheus; nothing else is served. */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .anyRequest().denyAll());
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        http.csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer().toString()).build();
    }

    /**
     * Secrets are stored as {@code {bcrypt}} hashes. The secrets hashed here are the plain-text ones of the
     * configuration: the development secrets, which are public anyway, or machine secrets drawn at random,
     * which their entropy protects and not the hash's cost. So they are hashed at bcrypt's lowest cost,
     * which keeps the start and every token request fast: cost 10, the default, added about 5 s to the
     * start with 32 clients on the stack's C1-only JVMs, and about 0.1 s to every token request. A secret
     * configured as a {@code {bcrypt}} hash keeps its own cost: it is checked at the cost written in it.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(LOWEST_BCRYPT_COST)));
    }

    /** The configured clients, less those of agencies the register has deactivated. */
    @Bean
    RegisteredClientRepository registeredClientRepository(IdentityProperties properties, PasswordEncoder encoder,
            AgencyStatuses agencyStatuses) {
        return new ClientsOfActiveAgencies(new InMemoryRegisteredClientRepository(HubClients.from(properties, encoder)),
                agencyStatuses);
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentityProperties properties) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKeys.loadOrGenerate(properties.keys().directory(),
                properties.keys().generateIfMissing())));
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> hubTokenClaims(IdentityProperties properties) {
        return new HubTokenClaims(properties.audience());
    }

    @Bean
    OAuth2AuthorizationService authorizationService() {
        return new ExpiringAuthorizations(Clock.systemUTC());
    }
}
