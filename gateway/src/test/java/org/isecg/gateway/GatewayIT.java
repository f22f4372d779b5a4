package org.isecg.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isecg.gateway.FakeDownstream.Recorded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of one fake downstream that stands in for every service: routing, W3C
 * trace context to the service and the trace id back to the caller, the request size limit and the
 * response timeout, over real HTTP.
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
    private static final String TRACEPARENT = FakeDownstream.TRACEPARENT;
    private static final String TRACE_ID = "[0-9a-f]{32}";
    /** W3C traceparent: version, trace id, parent (span) id, flags. */
    private static final Pattern W3C_TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

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
    @ExtendWith(OutputCaptureExtension.class)
    void everyRoutedRequestLeavesOneAccessLogLineInItsTrace(CapturedOutput output) {
        // given
        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";

        // when
        http.get().uri("/api/v1/plans/p-1?secret=hunter2").header("traceparent", traceparent).exchange()
                .expectStatus().isOk();

        // then
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("GET /api/v1/plans/p-1 -> plans 200")))
                .singleElement().asString().contains(traceId).doesNotContain("hunter2"));
    }

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
    void aRequestWithoutTraceContextStartsATraceThatTheServiceContinuesAndTheCallerSeesOnce() {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/agencies?probe=" + probe).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        List<String> returned = result.getResponseHeaders().get(CORRELATION_ID);
        assertThat(returned).singleElement().asString().matches(TRACE_ID);
        assertThat(traceparentReceived(probe).group(1)).isEqualTo(returned.get(0));
    }

    @Test
    void aCallersTraceIsContinuedThroughTheGatewayToTheService() {
        // given
        String probe = probe();
        String traceId = hex(16);
        String callerSpanId = hex(8);

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/plans/x?probe=" + probe)
                .header(TRACEPARENT, "00-" + traceId + "-" + callerSpanId + "-01").exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then the service's parent is the gateway's span, in the caller's trace
        assertThat(result.getResponseHeaders().get(CORRELATION_ID)).containsExactly(traceId);
        Matcher received = traceparentReceived(probe);
        assertThat(received.group(1)).isEqualTo(traceId);
        assertThat(received.group(2)).isNotEqualTo(callerSpanId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces in it", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
            "00-00000000000000000000000000000000-b7ad6b7169203331-01", "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
            "00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01", "<script>"})
    void anUnreadableTraceparentIsReplacedByANewTraceBeforeTheServiceSeesIt(String offered) {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/standards?probe=" + probe)
                .header(TRACEPARENT, offered).exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        List<String> returned = result.getResponseHeaders().get(CORRELATION_ID);
        assertThat(returned).singleElement().asString().matches(TRACE_ID).isNotEqualTo("0".repeat(32));
        assertThat(offered).doesNotContain(returned.get(0));
        assertThat(traceparentReceived(probe).group(1)).isEqualTo(returned.get(0));
    }

    @Test
    void aCorrelationIdFromTheCallerNoLongerNamesTheTrace() {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/overlaps?probe=" + probe)
                .header(CORRELATION_ID, "agency-system:NASA.42").exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        List<String> returned = result.getResponseHeaders().get(CORRELATION_ID);
        assertThat(returned).singleElement().asString().matches(TRACE_ID);
        assertThat(traceparentReceived(probe).group(1)).isEqualTo(returned.get(0));
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
                .expectHeader().values(CORRELATION_ID, values -> assertThat(values).singleElement().asString().matches(TRACE_ID));
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void anUnknownPathIsNotFoundAndNeverReachesAService() {
        // given
        String probe = probe();

        String traceId = hex(16);

        // when / then
        for (String path : List.of("/api/v1/spacecraft", "/api/v2/agencies", "/api/v1/agenciesX")) {
            http.get().uri(path + "?probe=" + probe).header(TRACEPARENT, "00-" + traceId + "-" + hex(8) + "-01").exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().values(CORRELATION_ID, values -> assertThat(values).containsExactly(traceId));
        }
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
        response.expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().values(CORRELATION_ID, values -> assertThat(values).singleElement().asString().matches(TRACE_ID));
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofMillis(RESPONSE_TIMEOUT_MILLIS * 5L));
        await().atMost(Duration.ofSeconds(5)).until(() -> DOWNSTREAM.received(probe).isPresent());
    }

    /** The one traceparent the service got with the request that carried that probe. */
    private static Matcher traceparentReceived(String probe) {
        List<String> received = DOWNSTREAM.received(probe).orElseThrow().header(TRACEPARENT);
        assertThat(received).hasSize(1);
        Matcher traceparent = W3C_TRACEPARENT.matcher(received.get(0));
        assertThat(traceparent.matches()).as("traceparent %s", received.get(0)).isTrue();
        return traceparent;
    }

    private static String probe() {
        return UUID.randomUUID().toString();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
