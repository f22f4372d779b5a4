package org.isecg.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.isecg.identity.TokenRequests.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/** The token endpoint, the JWKS and the metadata over real HTTP, as agencies' systems and the services use them. */
class IssuerIT extends RunningIssuer {

    private final TokenRequests tokens = new TokenRequests(ISSUER);

    @Test
    void anAgencyClientGetsAShortLivedRs256TokenWithItsAgencyScopesAndTheHubAudience() throws Exception {
        // when
        Answer answer = tokens.clientCredentials("ESA", "dev-ESA-secret", null);

        // then
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(answer.json().path("scope").asString()).isEqualTo("hub.read hub.write");
        SignedJWT jwt = SignedJWT.parse(answer.accessToken());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isNotBlank();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("ESA");
        assertThat(claims.getAudience()).containsExactly("isecg-hub");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("ESA");
        assertThat(claims.getStringClaim("agency")).isEqualTo("ESA");
        assertThat(claims.getClaim("scope")).isEqualTo("hub.read hub.write");
        assertThat(claims.getJWTID()).isNotBlank();
        Duration lifetime = Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        assertThat(lifetime).isEqualTo(Duration.ofMinutes(2));
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now());
        assertThat(answer.json().path("expires_in").asLong()).isBetween(110L, 120L);
    }

    @Test
    void theTokenVerifiesAgainstTheKeyPublishedAtTheJwksEndpoint() throws Exception {
        String token = tokens.clientCredentials("JAXA", "dev-JAXA-secret", null).accessToken();
        SignedJWT jwt = SignedJWT.parse(token);

        JWKSet published = JWKSet.load(URI.create(ISSUER + "/oauth2/jwks").toURL());

        RSAKey key = published.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        assertThat(published.getKeys()).hasSize(1)
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        SignedJWT tampered = SignedJWT.parse(token.substring(0, token.lastIndexOf('.') + 1) + "AAAA"
                + token.substring(token.lastIndexOf('.') + 5));
        assertThat(tampered.verify(new RSASSAVerifier(key))).isFalse();
    }

    @Test
    void aResourceServerDiscoversTheIssuerAndAcceptsTheTokenWithItsScopesAsAuthorities() {
        // given a service's decoder as Spring Security builds it from an issuer-uri, checking the audience
        NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(ISSUER);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtAudienceValidator("isecg-hub")));
        String token = tokens.clientCredentials("CSA", "dev-CSA-secret", null).accessToken();

        // when
        Jwt jwt = decoder.decode(token);

        // then
        assertThat(jwt.getClaimAsString("agency")).isEqualTo("CSA");
        assertThat(new JwtGrantedAuthoritiesConverter().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SCOPE_hub.read", "SCOPE_hub.write");
    }

    @Test
    void aResourceServerOfAnotherAudienceRefusesTheToken() {
        NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(ISSUER);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
                new JwtAudienceValidator("some-other-system")));
        String token = tokens.clientCredentials("CSA", "dev-CSA-secret", null).accessToken();

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void aClientThatNamesScopesGetsOnlyThose() throws Exception {
        Answer answer = tokens.clientCredentials("NOSA", "dev-NOSA-secret", "hub.read");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(answer.accessToken()).getJWTClaimsSet().getClaim("scope")).isEqualTo("hub.read");
    }

    @Test
    void theSecretariatStandardsBoardAndOperatorTokensCarryTheirScopesAndNoAgency() throws Exception {
        Map<String, String> expected = Map.of(
                "secretariat", "hub.import hub.read hub.secretariat",
                "standards-board", "hub.read hub.standards",
                "operator", "hub.operator hub.read");

        for (Map.Entry<String, String> client : expected.entrySet()) {
            Answer answer = tokens.clientCredentials(client.getKey(), "dev-" + client.getKey() + "-secret", null);

            assertThat(answer.status()).as(client.getKey()).isEqualTo(200);
            JWTClaimsSet claims = SignedJWT.parse(answer.accessToken()).getJWTClaimsSet();
            assertThat(claims.getClaim("scope")).as(client.getKey()).isEqualTo(client.getValue());
            assertThat(claims.getClaims()).as(client.getKey()).doesNotContainKey("agency");
            assertThat(claims.getStringClaim("client_id")).isEqualTo(client.getKey());
        }
    }

    @Test
    void everySeededAgencyHasAClient() {
        List<String> seeded = List.of("ASI", "UKSA", "CNES", "CNSA", "CSA", "CSIRO", "DLR", "ESA", "ISRO", "JAXA",
                "KARI", "NASA", "SSAU", "ROSCOSMOS", "UAESA", "ASA", "ROSA", "SSO", "LSA", "NOSA", "VNSC", "POLSA",
                "AEB", "GISTDA", "AEM", "PTS", "NZSA", "MBRSC", "CMSA");

        for (String agency : seeded) {
            Answer answer = tokens.clientCredentials(agency, "dev-" + agency + "-secret", "hub.read");
            assertThat(answer.status()).as(agency).isEqualTo(200);
        }
    }

    @Test
    void anAgencyRegisteredLaterGetsItsClientFromTheClientsFile() throws Exception {
        Answer kasa = tokens.clientCredentials("KASA", "dev-KASA-secret", null);
        Answer nasa = tokens.clientCredentials("NASA", "dev-NASA-secret", null);

        assertThat(kasa.status()).isEqualTo(200);
        assertThat(SignedJWT.parse(kasa.accessToken()).getJWTClaimsSet().getStringClaim("agency")).isEqualTo("KASA");
        // the file also changes what it names of a seeded client, and nothing else of it
        assertThat(nasa.status()).isEqualTo(200);
        JWTClaimsSet nasaClaims = SignedJWT.parse(nasa.accessToken()).getJWTClaimsSet();
        assertThat(nasaClaims.getClaim("scope")).isEqualTo("hub.read");
        assertThat(nasaClaims.getStringClaim("agency")).isEqualTo("NASA");
    }

    @Test
    void aWrongSecretIsAnInvalidClient() {
        Answer answer = tokens.clientCredentials("ESA", "dev-NASA-secret", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("invalid_client");
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void anUnknownClientIsAnInvalidClient() {
        Answer answer = tokens.clientCredentials("ACME", "dev-ACME-secret", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error()).isEqualTo("invalid_client");
    }

    @Test
    void aRequestWithoutCredentialsIsUnauthorized() {
        Answer answer = tokens.post("/oauth2/token", null, Map.of("grant_type", "client_credentials"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).doesNotContain("access_token");
    }

    @Test
    void aScopeTheClientLacksIsAnInvalidScope() {
        Answer operatorScope = tokens.clientCredentials("ESA", "dev-ESA-secret", "hub.read hub.operator");
        Answer unknownScope = tokens.clientCredentials("ESA", "dev-ESA-secret", "openid");

        assertThat(operatorScope.status()).isEqualTo(400);
        assertThat(operatorScope.error()).isEqualTo("invalid_scope");
        assertThat(unknownScope.status()).isEqualTo(400);
        assertThat(unknownScope.error()).isEqualTo("invalid_scope");
    }

    @Test
    void everyOtherGrantIsRefused() {
        String esa = TokenRequests.basic("ESA", "dev-ESA-secret");

        Map<String, Map<String, String>> grants = Map.of(
                "refresh_token", Map.of("grant_type", "refresh_token", "refresh_token", "anything"),
                "password", Map.of("grant_type", "password", "username", "u", "password", "p"),
                "device_code", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                        "device_code", "anything"),
                "token_exchange", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                        "subject_token", "anything",
                        "subject_token_type", "urn:ietf:params:oauth:token-type:access_token"),
                "jwt_bearer", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer",
                        "assertion", "anything"));

        grants.forEach((name, form) -> {
            Answer answer = tokens.post("/oauth2/token", esa, form);
            assertThat(answer.status()).as(name).isEqualTo(400);
            assertThat(answer.error()).as(name).isEqualTo("unsupported_grant_type");
        });
    }

    @Test
    void theAuthorizationCodeGrantIsRefusedAtBothEndpoints() {
        // at the token endpoint: no code was ever issued, so none is valid
        Answer exchange = tokens.post("/oauth2/token", TokenRequests.basic("ESA", "dev-ESA-secret"),
                Map.of("grant_type", "authorization_code", "code", "anything", "redirect_uri", "http://127.0.0.1/cb"));
        // at the authorization endpoint: no client may use it, and there is no login to send a browser to
        Answer authorize = tokens.get("/oauth2/authorize?response_type=code&client_id=ESA"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb&scope=hub.read");

        assertThat(exchange.status()).isEqualTo(400);
        assertThat(exchange.body()).doesNotContain("access_token");
        assertThat(authorize.status()).isEqualTo(403);
        assertThat(authorize.response().headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theMetadataAdvertisesTheIssuerItsKeysAndOnlyTheClientCredentialsGrant() {
        JsonNode metadata = tokens.get("/.well-known/oauth-authorization-server").json();

        assertThat(metadata.path("issuer").asString()).isEqualTo(ISSUER);
        assertThat(metadata.path("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(metadata.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(metadata.path("grant_types_supported").values()).extracting(JsonNode::asString)
                .containsExactly("client_credentials");
        assertThat(metadata.path("token_endpoint_auth_methods_supported").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post");
    }

    @Test
    void healthAndMetricsAreOpenAndNothingElseIsServed() {
        assertThat(tokens.get("/actuator/health").status()).isEqualTo(200);
        assertThat(tokens.get("/actuator/prometheus").body()).contains("application=\"identity-service\"");
        assertThat(tokens.get("/actuator/env").status()).isEqualTo(403);
        assertThat(tokens.get("/").status()).isEqualTo(403);
        assertThat(tokens.get("/login").status()).isEqualTo(403);
    }
}
