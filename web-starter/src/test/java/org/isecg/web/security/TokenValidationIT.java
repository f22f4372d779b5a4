package org.isecg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TestTokensInitializer;
import org.isecg.web.testapp.WebTestApplication;
import org.isecg.web.tracing.TraceIdResponseHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Token validation as every service gets it from the web starter, over real HTTP against a test
 * issuer's JWK Set on loopback: each kind of bad token is a 401 problem with an RFC 6750 challenge and
 * changes nothing; a valid token without the scope a rule needs is a 403 naming the scope; the
 * management port serves the probes and the scrape to anyone and the operator's endpoints to operators.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestTokensInitializer.class)
class TokenValidationIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    WebTestClient http;

    @Autowired
    WebTestApplication.ThingController things;

    @LocalManagementPort
    int managementPort;

    static Stream<TestTokens.BadToken> badTokens() {
        return TOKENS.badTokens().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsA401ProblemWithAnInvalidTokenChallengeAndChangesNothing(TestTokens.BadToken bad) {
        // given
        int before = things.writes();

        // when
        http.post().uri("/api/v1/things").headers(TestTokens.bearer(bad.token())).exchange()

                // then
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"invalid_token\", error_description=\"the bearer token is not valid"))
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-token")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.instance").isEqualTo("/api/v1/things")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).startsWith("the bearer token is not valid: "));
        assertThat(things.writes()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenCannotReadEither(TestTokens.BadToken bad) {
        http.get().uri("/api/v1/things").headers(TestTokens.bearer(bad.token())).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).contains("invalid_token"));
    }

    @Test
    void eachBadTokenIsRefusedForWhatIsWrongWithIt() {
        List<String> details = TOKENS.badTokens().stream().map(bad -> bad.name() + ": " + http.get().uri("/api/v1/things")
                .headers(TestTokens.bearer(bad.token())).exchange().expectBody(String.class).returnResult().getResponseBody()).toList();
        assertThat(details).anySatisfy(detail -> assertThat(detail).startsWith("expired").contains("expired"))
                .anySatisfy(detail -> assertThat(detail).startsWith("wrong issuer").contains("iss"))
                .anySatisfy(detail -> assertThat(detail).startsWith("wrong audience").contains("aud"))
                .anySatisfy(detail -> assertThat(detail).startsWith("no expiry").contains("exp"))
                .allSatisfy(detail -> assertThat(detail).doesNotContain("Exception").doesNotContain("127.0.0.1"));
    }

    @Test
    void noTokenIsA401ProblemWithABareBearerChallenge() {
        int before = things.writes();

        http.post().uri("/api/v1/things").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(TraceIdResponseHeader.HEADER)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/token-required")
                .jsonPath("$.status").isEqualTo(401);
        http.get().uri("/api/v1/things").header(HttpHeaders.AUTHORIZATION, "Basic TkFTQTpkZXYtTkFTQS1zZWNyZXQ=").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(things.writes()).isEqualTo(before);
    }

    @Test
    void aPathOutsideTheApiNeedsAValidTokenToo() {
        http.get().uri("/test/greetings/{name}", "stranger").exchange().expectStatus().isUnauthorized();
        http.get().uri("/test/greetings/{name}", "member").headers(TestTokens.bearer(TOKENS.reader("ESA"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void aValidTokenWithoutTheScopeIsA403ProblemNamingTheScopeAndChangesNothing() {
        // given
        int before = things.writes();

        // when: NASA's token (hub.read hub.write) on the standards board's write
        http.post().uri("/api/v1/things").headers(TestTokens.bearer(TOKENS.agency("NASA"))).exchange()

                // then
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer error=\"insufficient_scope\"").endsWith(", scope=\"hub.standards\""))
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/insufficient-scope")
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.detail").isEqualTo("this request needs a token with the scope hub.standards");
        assertThat(things.writes()).isEqualTo(before);
    }

    @Test
    void theScopeARuleNamesLetsTheWriteThrough() {
        int before = things.writes();

        http.post().uri("/api/v1/things").headers(TestTokens.bearer(TOKENS.standardsBoard())).exchange()
                .expectStatus().isCreated();

        assertThat(things.writes()).isEqualTo(before + 1);
    }

    @Test
    void readsNeedHubRead() {
        http.get().uri("/api/v1/things").headers(TestTokens.bearer(TOKENS.reader("JAXA"))).exchange().expectStatus().isOk();
        String noRead = TOKENS.mint(TestTokens.Token.forClient("standards-board").scopes("hub.standards"));
        http.get().uri("/api/v1/things").headers(TestTokens.bearer(noRead)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).endsWith("scope=\"hub.read\""));
    }

    @Test
    void anAgencysOwnWriteNeedsHubWriteWithAnAgencyClaimOrHubImport() {
        int before = things.writes();
        String writeWithoutAgency = TOKENS.mint(TestTokens.Token.forClient("robot").scopes("hub.read", "hub.write"));

        http.post().uri("/api/v1/things/own").headers(TestTokens.bearer(writeWithoutAgency)).exchange()
                .expectStatus().isForbidden()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .endsWith("scope=\"hub.write hub.import\""));
        http.post().uri("/api/v1/things/own").headers(TestTokens.bearer(TOKENS.reader("NASA"))).exchange()
                .expectStatus().isForbidden();
        assertThat(things.writes()).isEqualTo(before);

        http.post().uri("/api/v1/things/own").headers(TestTokens.bearer(TOKENS.agency("NASA"))).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.agency").isEqualTo("NASA");
        assertThat(things.writes()).isEqualTo(before + 1);
    }

    @Test
    void aWriteNoRuleNamesIsRefusedWhateverTheScopes() {
        String everything = TOKENS.mint(TestTokens.Token.forClient("root").agency("NASA")
                .scopes(HubScopes.ALL.toArray(String[]::new)));

        http.put().uri("/api/v1/things").headers(TestTokens.bearer(everything)).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("no token allows this request");
    }

    @Test
    void theHandlerSeesTheCallerOfTheValidatedToken() {
        http.get().uri("/api/v1/caller").headers(TestTokens.bearer(TOKENS.agency("CSA"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.parameter.clientId").isEqualTo("CSA")
                .jsonPath("$.parameter.agency").isEqualTo("CSA")
                .jsonPath("$.parameter.scopes.length()").isEqualTo(2)
                .jsonPath("$.current.clientId").isEqualTo("CSA");
        http.get().uri("/api/v1/caller").headers(TestTokens.bearer(TOKENS.operator())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.parameter.clientId").isEqualTo("operator")
                .jsonPath("$.parameter.agency").doesNotExist();
    }

    @Test
    void theManagementPortServesProbesAndTheScrapeToAnyoneAndTheApiPortServesNoActuator() {
        WebTestClient management = managementClient();

        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("application=\"web-test\""));
        http.get().uri("/actuator/health").headers(TestTokens.bearer(TOKENS.operator())).exchange().expectStatus().isNotFound();
    }

    @Test
    void everyOtherActuatorEndpointNeedsTheOperatorScope() {
        WebTestClient management = managementClient();

        management.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/env").headers(TestTokens.bearer(TOKENS.agency("NASA"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).endsWith("scope=\"hub.operator\""));
        // not exposed: an operator's token gets the actuator's own 404, not the environment
        management.get().uri("/actuator/env").headers(TestTokens.bearer(TOKENS.operator())).exchange()
                .expectStatus().isNotFound();
    }

    /**
     * The management server, with the 15 s per request of the services' ITs: one first request to a
     * freshly started management server once took longer than WebTestClient's default 5 s in CI.
     */
    private WebTestClient managementClient() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15)).build();
    }
}
