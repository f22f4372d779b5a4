package org.isecg.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.gateway.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TestTokensInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.DocumentContext;

/**
 * The per-client rate limit over real HTTP: a bucket of {@value #BURST} requests, refilled by one
 * every {@value #REFILL_SECONDS} seconds, per client. Clients are told apart by their validated
 * bearer token's {@code client_id}; a token that does not validate is a 401 before it takes a permit,
 * so it can neither spend another client's bucket nor make up clients of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "isecg.gateway.rate-limit.burst=" + RateLimitIT.BURST,
        "isecg.gateway.rate-limit.rate=1",
        "isecg.gateway.rate-limit.period=" + RateLimitIT.REFILL_SECONDS + "s"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ActiveProfiles("test")
class RateLimitIT {

    static final int BURST = 3;
    static final int REFILL_SECONDS = 5;

    static final FakeDownstream DOWNSTREAM = FakeDownstream.start();

    @DynamicPropertySource
    static void everyServiceIsTheFakeDownstream(DynamicPropertyRegistry registry) {
        for (String service : List.of("AGENCY", "ROADMAP", "STANDARDS", "NOTIFICATION")) {
            registry.add(service + "_SERVICE_URL", DOWNSTREAM::url);
        }
    }

    @AfterAll
    static void stopTheDownstream() {
        DOWNSTREAM.close();
    }

    private static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    WebTestClient http;

    @LocalManagementPort
    int managementPort;

    @Test
    void aClientPastItsBurstIsATooManyRequestsProblemWithRetryAfterWhileAnotherClientIsStillServed() {
        // given
        String first = tokenOf(UUID.randomUUID().toString());
        String second = tokenOf(UUID.randomUUID().toString());
        for (int call = 0; call < BURST; call++) {
            get("/api/v1/plans", first).expectStatus().isOk();
        }

        // when
        EntityExchangeResult<byte[]> limited = get("/api/v1/plans", first).expectBody().returnResult();

        // then
        DocumentContext problem = assertProblem(limited, 429, "/problems/rate-limited", "Too Many Requests");
        assertThat(problem.read("$.detail", String.class)).contains("1 requests per 5s, bursts of 3");
        int retryAfter = Integer.parseInt(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1, REFILL_SECONDS);
        get("/api/v1/plans", second).expectStatus().isOk();

        // and once Retry-After has passed, the first client has a permit again
        await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 2L))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> get("/api/v1/plans", first).expectStatus().isOk());
    }

    @Test
    void everyTokenOfOneClientDrawsOnItsOneBucket() {
        // given two tokens the issuer gave one client
        String client = UUID.randomUUID().toString();
        String morning = tokenOf(client);
        String evening = tokenOf(client);
        for (int call = 0; call < BURST; call++) {
            get("/api/v1/agencies", call % 2 == 0 ? morning : evening).expectStatus().isOk();
        }

        // when / then
        get("/api/v1/agencies", evening).expectStatus().isEqualTo(429);
        get("/api/v1/agencies", morning).expectStatus().isEqualTo(429);
    }

    @Test
    void anUnvalidatedTokenNamingAClientIsRefusedWithoutSpendingThatClientsPermits() {
        // given a client, and unsigned tokens that claim to be it
        String client = UUID.randomUUID().toString();
        String forged = unsigned("{\"client_id\":\"" + client + "\",\"sub\":\"" + client + "\"}");

        // when
        for (int call = 0; call < BURST * 2; call++) {
            get("/api/v1/standards", forged).expectStatus().isUnauthorized();
        }

        // then the client's own bucket is whole
        String real = tokenOf(client);
        for (int call = 0; call < BURST; call++) {
            get("/api/v1/standards", real).expectStatus().isOk();
        }
        get("/api/v1/standards", real).expectStatus().isEqualTo(429);
    }

    @Test
    void theActuatorOnTheManagementPortIsNeverLimited() {
        WebTestClient management = managementClient();
        for (int call = 0; call < BURST * 2; call++) {
            management.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec get(String path, String bearer) {
        return http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange();
    }

    private static String tokenOf(String client) {
        return TOKENS.mint(TestTokens.Token.forClient(client).scopes("hub.read"));
    }

    /** An unsigned JWT with these claims: what the gateway once read its client from. */
    private static String unsigned(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8)) + "." + base64.encodeToString(claims.getBytes(UTF_8))
                + ".c2lnbmF0dXJl";
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
