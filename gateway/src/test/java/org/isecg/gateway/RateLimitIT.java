package org.isecg.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.gateway.ProblemAssertions.assertProblem;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.DocumentContext;

/**
 * The per-client rate limit over real HTTP: a bucket of {@value #BURST} requests, refilled by one
 * every {@value #REFILL_SECONDS} seconds, per client. Clients are told apart by the bearer token's
 * {@code client_id} (or {@code sub}), else by their address; tokens here are unsigned, as the
 * gateway does not validate them yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "isecg.gateway.rate-limit.burst=" + RateLimitIT.BURST,
        "isecg.gateway.rate-limit.rate=1",
        "isecg.gateway.rate-limit.period=" + RateLimitIT.REFILL_SECONDS + "s"})
@AutoConfigureWebTestClient
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

    @Autowired
    WebTestClient http;

    @Test
    void aClientPastItsBurstIsATooManyRequestsProblemWithRetryAfterWhileAnotherClientIsStillServed() {
        // given
        String first = token("{\"sub\":\"" + UUID.randomUUID() + "\"}");
        String second = token("{\"sub\":\"" + UUID.randomUUID() + "\"}");
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
    void theTokensClientIdNamesTheClientWhateverItsSubject() {
        // given two tokens of one client, for two of its users
        String client = UUID.randomUUID().toString();
        String alice = token("{\"client_id\":\"" + client + "\",\"sub\":\"alice\"}");
        String bob = token("{\"client_id\":\"" + client + "\",\"sub\":\"bob\"}");
        for (int call = 0; call < BURST; call++) {
            get("/api/v1/agencies", call % 2 == 0 ? alice : bob).expectStatus().isOk();
        }

        // when / then
        get("/api/v1/agencies", bob).expectStatus().isEqualTo(429);
        get("/api/v1/agencies", alice).expectStatus().isEqualTo(429);
    }

    @Test
    void withoutATokenTheAddressIsTheClientAndTheActuatorIsNeverLimited() {
        // given the loopback address's bucket emptied
        for (int call = 0; call < BURST; call++) {
            get("/api/v1/standards", null).expectStatus().isOk();
        }

        // when / then
        assertProblem(get("/api/v1/standards", "not-a-jwt").expectBody().returnResult(), 429, "/problems/rate-limited",
                "Too Many Requests");
        get("/api/v1/standards", token("{\"sub\":\"" + UUID.randomUUID() + "\"}")).expectStatus().isOk();
        for (int call = 0; call < BURST * 2; call++) {
            http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec get(String path, String bearer) {
        WebTestClient.RequestHeadersSpec<?> request = http.get().uri(path);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return request.exchange();
    }

    /** An unsigned JWT with these claims: the gateway reads the client from it, it does not validate it yet. */
    private static String token(String claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(UTF_8)) + "." + base64.encodeToString(claims.getBytes(UTF_8))
                + ".c2lnbmF0dXJl";
    }
}
