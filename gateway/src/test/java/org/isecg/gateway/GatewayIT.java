package org.isecg.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.isecg.gateway.FakeDownstream.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of one fake downstream that stands in for every service: routing,
 * correlation ids, the request size limit and the response timeout, over real HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_MAX_REQUEST_SIZE=" + GatewayIT.MAX_REQUEST_BYTES + "B",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=" + GatewayIT.RESPONSE_TIMEOUT_MILLIS + "ms"})
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class GatewayIT {

    static final int MAX_REQUEST_BYTES = 1024;
    static final int RESPONSE_TIMEOUT_MILLIS = 1000;
    private static final String CORRELATION_ID = FakeDownstream.CORRELATION_ID;
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/agencies", "/api/v1/agencies/ESA", "/api/v1/plans", "/api/v1/plans/x",
            "/api/v1/standards", "/api/v1/standards/IDSS", "/api/v1/overlaps", "/api/v1/overlaps/o-1",
            "/api/v1/inboxes/NASA", "/api/v1/inboxes/NASA/entries/e-1/read"})
    void everyRouteReachesItsServiceWithThePathUnchanged(String path) {
        // given
        String probe = probe();

        // when
        WebTestClient.ResponseSpec response = http.get().uri(path + "?probe=" + probe).exchange();

        // then
        response.expectStatus().isOk().expectBody().jsonPath("$.path").isEqualTo(path);
        assertThat(DOWNSTREAM.received(probe)).get().satisfies(request -> {
            assertThat(request.path()).isEqualTo(path);
            assertThat(request.method()).isEqualTo("GET");
        });
    }

    @Test
    void aBodyWithinTheLimitIsForwardedWhole() {
        // given
        String probe = probe();
        String body = "{\"title\":\"" + "x".repeat(MAX_REQUEST_BYTES / 2) + "\"}";

        // when
        WebTestClient.ResponseSpec response = http.post().uri("/api/v1/plans?probe=" + probe)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();

        // then
        response.expectStatus().isOk();
        assertThat(DOWNSTREAM.received(probe)).get().extracting(Recorded::body).isEqualTo(body);
    }

    @Test
    void aRequestWithoutCorrelationIdGetsOneThatTheServiceAndTheCallerBothSeeOnce() {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/agencies?probe=" + probe).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        List<String> returned = result.getResponseHeaders().get(CORRELATION_ID);
        assertThat(returned).singleElement().asString().matches(UUID_PATTERN);
        assertThat(DOWNSTREAM.received(probe).orElseThrow().header(CORRELATION_ID)).isEqualTo(returned);
    }

    @Test
    void anAcceptableCorrelationIdFromTheCallerIsKept() {
        // given
        String probe = probe();
        String offered = "agency-system:NASA.42_" + probe.substring(0, 8);

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/plans/x?probe=" + probe)
                .header(CORRELATION_ID, offered).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        assertThat(result.getResponseHeaders().get(CORRELATION_ID)).containsExactly(offered);
        assertThat(DOWNSTREAM.received(probe).orElseThrow().header(CORRELATION_ID)).containsExactly(offered);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces in it", "semicolons;are;out", "<script>",
            "a-correlation-id-that-is-longer-than-sixty-four-characters-and-so-refused"})
    void anUnacceptableCorrelationIdIsReplacedBeforeTheServiceSeesIt(String offered) {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/standards?probe=" + probe)
                .header(CORRELATION_ID, offered).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        List<String> returned = result.getResponseHeaders().get(CORRELATION_ID);
        assertThat(returned).singleElement().asString().matches(UUID_PATTERN);
        assertThat(DOWNSTREAM.received(probe).orElseThrow().header(CORRELATION_ID)).isEqualTo(returned);
    }

    @Test
    void sixtyFourCharactersAreStillAnAcceptableCorrelationId() {
        // given
        String offered = "c".repeat(64);

        // when / then
        http.get().uri("/api/v1/overlaps?probe=" + probe()).header(CORRELATION_ID, offered).exchange()
                .expectStatus().isOk()
                .expectHeader().values(CORRELATION_ID, values -> assertThat(values).containsExactly(offered));
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedAndNeverReachesTheService() {
        // given
        String probe = probe();
        String body = "{\"title\":\"" + "x".repeat(MAX_REQUEST_BYTES) + "\"}";

        // when
        WebTestClient.ResponseSpec response = http.post().uri("/api/v1/plans?probe=" + probe)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();

        // then
        response.expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().values(CORRELATION_ID, values -> assertThat(values).hasSize(1));
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void anUnknownPathIsNotFoundAndNeverReachesAService() {
        // given
        String probe = probe();

        // when / then
        http.get().uri("/api/v1/spacecraft?probe=" + probe).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v2/agencies?probe=" + probe).exchange().expectStatus().isNotFound();
        http.get().uri("/api/v1/agenciesX?probe=" + probe).exchange().expectStatus().isNotFound();
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeoutNotAHang() {
        // given
        String probe = probe();
        Instant sent = Instant.now();

        // when
        WebTestClient.ResponseSpec response = http.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/v1/plans/slow?probe=" + probe).exchange();

        // then
        response.expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(RESPONSE_TIMEOUT_MILLIS * 5L));
        await().atMost(Duration.ofSeconds(5)).until(() -> DOWNSTREAM.received(probe).isPresent());
    }

    private static String probe() {
        return UUID.randomUUID().toString();
    }
}
