package org.isecg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a resource server of the Hub answers a token it does not admit (docs/security.md): the status,
 * the RFC 9457 problem and the RFC 6750 challenge, asserted in one place for every service's tests.
 */
public final class TokenExpectations {

    private TokenExpectations() {
    }

    /** {@code 401}, {@code /problems/invalid-token}, {@code WWW-Authenticate: Bearer error="invalid_token", ...}. */
    public static void invalidToken(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-token")
                .jsonPath("$.status").isEqualTo(401);
    }

    /** {@code 401}, {@code /problems/token-required}, {@code WWW-Authenticate: Bearer}. */
    public static void tokenRequired(WebTestClient.ResponseSpec response) {
        response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/token-required")
                .jsonPath("$.status").isEqualTo(401);
    }

    /**
     * {@code 403}, {@code /problems/insufficient-scope},
     * {@code WWW-Authenticate: Bearer error="insufficient_scope", ..., scope="<scopes>"}.
     */
    public static void insufficientScope(WebTestClient.ResponseSpec response, String scopes) {
        response.expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"insufficient_scope\"").endsWith("scope=\"" + scopes + "\""))
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/insufficient-scope")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(scopes.split(" ")[0]));
    }
}
