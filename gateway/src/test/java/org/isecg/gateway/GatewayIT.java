package org.isecg.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.gateway.ProblemAssertions.assertProblem;
import static org.isecg.gateway.ProblemAssertions.assertSecurityHeaders;
import static org.isecg.gateway.ProblemAssertions.utf8;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isecg.gateway.FakeDownstream.Recorded;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TestTokensInitializer;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.jayway.jsonpath.DocumentContext;

import reactor.core.publisher.Flux;

/**
 * The gateway in front of one fake downstream that stands in for every service, over real HTTP:
 * routing, W3C trace context to the service and the trace id back to the caller, the request limits,
 * the gateway's own errors as problem details, security headers and CORS. Circuit breakers and rate
 * limits have test classes of their own, since each changes state that the others would see.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_MAX_REQUEST_SIZE=" + GatewayIT.MAX_REQUEST_BYTES + "B",
        "isecg.gateway.limits.max-drained-body=" + GatewayIT.MAX_DRAINED_BYTES + "B",
        "isecg.gateway.security.cors.allowed-origins=" + GatewayIT.ALLOWED_ORIGIN,
        // as behind a TLS-terminating proxy, which the HSTS test plays
        "server.forward-headers-strategy=native"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ActiveProfiles("test")
class GatewayIT {

    static final int MAX_REQUEST_BYTES = 1024;
    static final int MAX_DRAINED_BYTES = 256 * 1024;
    static final String ALLOWED_ORIGIN = "https://app.example.org";
    private static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";
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
    /** The same client without a token. */
    WebTestClient anonymous;

    /** Every request under /api/ needs a valid token at the gateway; these tests are about what comes after. */
    @BeforeEach
    void asAMember() {
        anonymous = http;
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().reader("NASA")).build();
    }

    @LocalServerPort
    int port;

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
            "/api/v1/subscriptions", "/api/v1/subscriptions/s-1", "/api/v1/notifications", "/api/v1/notifications/n-1",
            "/api/v1/notifications/NASA:o-1:1/read", "/api/v1/notifications/stream"})
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
    void theCallersTokenIsRelayedToTheServiceUnchanged() {
        // given
        String probe = probe();
        String token = TestTokens.shared().agency("ESA");

        // when
        http.get().uri("/api/v1/plans?probe=" + probe).headers(TestTokens.bearer(token)).exchange().expectStatus().isOk();

        // then
        assertThat(DOWNSTREAM.received(probe)).get()
                .satisfies(request -> assertThat(request.header(HttpHeaders.AUTHORIZATION)).containsExactly("Bearer " + token));
    }

    @Test
    void everyBadTokenIsTheGatewaysOwn401ProblemAndNeverReachesAService() {
        // given
        String probe = probe();

        // when / then
        for (TestTokens.BadToken bad : TestTokens.shared().badTokens()) {
            TokenExpectations.invalidToken(http.post().uri("/api/v1/plans?probe=" + probe).headers(TestTokens.bearer(bad.token()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange());
        }
        EntityExchangeResult<byte[]> missing = anonymous.get().uri("/api/v1/agencies?probe=" + probe).exchange().expectBody().returnResult();
        assertProblem(missing, 401, "/problems/token-required", "Unauthorized");
        assertThat(missing.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(missing.getResponseHeaders().get(CORRELATION_ID)).singleElement().asString().matches(TRACE_ID);
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void theGatewayAsksForNoScopeBeyondAValidTokenTheServicesCheckTheirOwn() {
        String probe = probe();
        String operator = TestTokens.shared().operator();

        http.post().uri("/api/v1/agencies?probe=" + probe).headers(TestTokens.bearer(operator))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();

        assertThat(DOWNSTREAM.received(probe)).isPresent();
    }

    @Test
    void aPreflightNeedsNoToken() {
        anonymous.options().uri("/api/v1/plans")
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED_ORIGIN);
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
    void aBodyOverTheSizeLimitIsAProblemNamingTheLimitAndNeverReachesTheService() {
        // given
        String probe = probe();
        String body = "{\"title\":\"" + "x".repeat(MAX_REQUEST_BYTES) + "\"}";

        // when
        EntityExchangeResult<byte[]> result = http.post().uri("/api/v1/plans?probe=" + probe)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody().returnResult();

        // then
        DocumentContext problem = assertProblem(result, 413, null, "Content Too Large");
        assertThat(problem.read("$.detail", String.class)).contains("1 KiB (1024 bytes)");
        assertThat(problem.read("$.instance", String.class)).isEqualTo("/api/v1/plans");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aBodyManyTimesTheLimitIsReadToTheEndSoTheClientGetsTheProblemInsteadOfAReset() {
        // given a body well past the limit but within what the gateway drains, sent without waiting for 100 Continue
        String probe = probe();
        byte[] body = new byte[MAX_DRAINED_BYTES / 2];

        // when
        EntityExchangeResult<byte[]> result = http.post().uri("/api/v1/plans?probe=" + probe)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body).exchange()
                .expectBody().returnResult();

        // then
        assertProblem(result, 413, null, "Content Too Large");
        assertThat(result.getResponseHeaders().getConnection()).doesNotContain("close");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aBodyPastWhatTheGatewayDrainsIsAnsweredAtOnceAndTheConnectionClosed() {
        // given
        String probe = probe();
        byte[] body = new byte[MAX_DRAINED_BYTES * 2];

        // when
        EntityExchangeResult<byte[]> result = http.post().uri("/api/v1/plans?probe=" + probe)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(body).exchange()
                .expectBody().returnResult();

        // then
        assertProblem(result, 413, null, "Content Too Large");
        assertThat(result.getResponseHeaders().getConnection()).contains("close");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {MAX_REQUEST_BYTES + 1, MAX_REQUEST_BYTES * 8})
    void aChunkedBodyOverTheLimitIsCountedAsItComesAndRefusedWithTheSameProblem(int size) {
        // given a body of unknown length, in chunks of 100 bytes
        String probe = probe();
        Flux<DataBuffer> chunks = Flux.range(0, (size + 99) / 100)
                .map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[Math.min(100, size - chunk * 100)]));

        // when
        EntityExchangeResult<byte[]> result = http.post().uri("/api/v1/plans?probe=" + probe)
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(BodyInserters.fromDataBuffers(chunks)).exchange()
                .expectBody().returnResult();

        // then
        assertThat(result.getRequestHeaders().getFirst(HttpHeaders.TRANSFER_ENCODING)).isEqualTo("chunked");
        DocumentContext problem = assertProblem(result, 413, null, "Content Too Large");
        assertThat(problem.read("$.detail", String.class)).contains("1024 bytes");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedWhole() {
        // given
        String probe = probe();
        Flux<DataBuffer> chunks = Flux.range(0, 10)
                .map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap("x".repeat(100).getBytes(StandardCharsets.UTF_8)));

        // when
        http.post().uri("/api/v1/plans?probe=" + probe).contentType(MediaType.TEXT_PLAIN)
                .body(BodyInserters.fromDataBuffers(chunks)).exchange()
                .expectStatus().isOk();

        // then
        assertThat(DOWNSTREAM.received(probe)).get().extracting(Recorded::body).isEqualTo("x".repeat(1000));
    }

    @Test
    void aRequestTargetOverTheLimitIsAUriTooLongProblem() {
        // given a query that takes the target past 4096 characters, within Netty's ceiling
        String probe = probe();
        String query = "?probe=" + probe + "&q=" + "a".repeat(4100);

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/agencies" + query).exchange()
                .expectBody().returnResult();

        // then
        DocumentContext problem = assertProblem(result, 414, null, "URI Too Long");
        assertThat(problem.read("$.detail", String.class)).contains("4096 characters");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aRequestTargetPastNettysCeilingIsRefusedByNettyAndTheConnectionClosed() {
        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/agencies?q=" + "a".repeat(9000)).exchange()
                .expectBody().returnResult();

        // then
        assertThat(result.getStatus().value()).isEqualTo(414);
        assertThat(result.getResponseHeaders().getConnection()).contains("close");
    }

    @Test
    void headerFieldsOverTheLimitAreARequestHeaderFieldsTooLargeProblem() {
        // given headers of 17 KB together, within Netty's ceiling
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/agencies?probe=" + probe)
                .header("X-Padding-1", "p".repeat(9000)).header("X-Padding-2", "p".repeat(8000)).exchange()
                .expectBody().returnResult();

        // then
        DocumentContext problem = assertProblem(result, 431, null, "Request Header Fields Too Large");
        assertThat(problem.read("$.detail", String.class)).contains("16 KiB (16384 bytes)");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void anUnknownPathIsANotFoundProblemAndNeverReachesAService() {
        // given
        String probe = probe();
        String traceId = hex(16);

        // when / then
        // the inboxes moved to /api/v1/notifications, the caller's own: the old paths have no route
        for (String path : List.of("/api/v1/spacecraft", "/api/v2/agencies", "/api/v1/agenciesX", "/", "/actuator/env",
                "/fallback/service-unavailable", "/api/v1/inboxes/NASA", "/api/v1/inboxes/NASA/entries/e-1/read")) {
            EntityExchangeResult<byte[]> result = http.get().uri(path + "?probe=" + probe)
                    .header(TRACEPARENT, "00-" + traceId + "-" + hex(8) + "-01").exchange()
                    .expectBody().returnResult();
            DocumentContext problem = assertProblem(result, 404, "/problems/not-found", "Not Found");
            assertThat(problem.read("$.instance", String.class)).isEqualTo(path);
            assertThat(result.getResponseHeaders().get(CORRELATION_ID)).containsExactly(traceId);
        }
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "CONNECT", "PROPFIND"})
    void aMethodNoApiTakesIsAMethodNotAllowedProblemWithAllow(String method) {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.method(HttpMethod.valueOf(method)).uri("/api/v1/agencies?probe=" + probe)
                .exchange().expectBody().returnResult();

        // then
        assertProblem(result, 405, null, "Method Not Allowed");
        assertThat(result.getResponseHeaders().getAllow()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.HEAD,
                HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aPathTheFirewallRefusesIsAnInvalidRequestProblemWithTheSecurityHeaders() {
        // given an encoded slash, which could make the gateway and a service see different paths
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.get()
                .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/agencies/ESA%2F..%2Fx?probe=" + probe))
                .exchange().expectBody().returnResult();

        // then
        assertProblem(result, 400, "/problems/invalid-request", "Bad Request");
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
    }

    @Test
    void aRoutedAnswerCarriesTheSecurityHeadersAndNotTheServicesServerHeader() {
        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/standards").exchange()
                .expectStatus().isOk().expectBody().returnResult();

        // then
        assertSecurityHeaders(result.getResponseHeaders());
        assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.SERVER)).isFalse();
        assertThat(result.getResponseHeaders().containsHeader(STRICT_TRANSPORT_SECURITY))
                .as("no HSTS over plain HTTP").isFalse();
    }

    @Test
    void anHttpsRequestForwardedByATlsProxyGetsStrictTransportSecurity() {
        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/standards").header("X-Forwarded-Proto", "https")
                .exchange().expectStatus().isOk().expectBody().returnResult();

        // then
        assertThat(result.getResponseHeaders().getFirst(STRICT_TRANSPORT_SECURITY))
                .isEqualTo("max-age=31536000 ; includeSubDomains");
    }

    @Test
    void aServicesOwnErrorPassesThroughUnchanged() {
        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/plans/p-9/status/422").exchange()
                .expectBody().returnResult();

        // then
        assertThat(result.getStatus().value()).isEqualTo(422);
        assertThat(utf8(result)).isEqualTo(FakeDownstream.serviceProblem(422));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredByTheGatewayWithWhatTheBrowserMaySend() {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.options().uri("/api/v1/plans/p-1?probe=" + probe)
                .header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "if-match, content-type, authorization")
                .exchange().expectStatus().isOk().expectBody().returnResult();

        // then
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.getAccessControlAllowOrigin()).isEqualTo(ALLOWED_ORIGIN);
        assertThat(headers.getAccessControlAllowMethods()).contains(HttpMethod.PUT, HttpMethod.POST, HttpMethod.DELETE);
        assertThat(headers.getAccessControlAllowHeaders()).containsExactlyInAnyOrder("if-match", "content-type", "authorization");
        assertThat(headers.getAccessControlMaxAge()).isEqualTo(3600);
        assertThat(headers.getAccessControlAllowCredentials()).isFalse();
        assertSecurityHeaders(headers);
        assertThat(DOWNSTREAM.received(probe)).as("a preflight never reaches a service").isEmpty();
    }

    @Test
    void aCrossOriginRequestFromAnAllowedOriginMayReadTheVersionAndTheTraceId() {
        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/agencies/ESA").header(HttpHeaders.ORIGIN, ALLOWED_ORIGIN)
                .exchange().expectStatus().isOk().expectBody().returnResult();

        // then
        assertThat(result.getResponseHeaders().getAccessControlAllowOrigin()).isEqualTo(ALLOWED_ORIGIN);
        assertThat(result.getResponseHeaders().getAccessControlExposeHeaders()).contains("ETag", "X-Correlation-Id", "Retry-After");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://app.example.org", "null"})
    void aCrossOriginRequestFromAnyOtherOriginIsAForbiddenProblem(String origin) {
        // given
        String probe = probe();

        // when
        EntityExchangeResult<byte[]> result = http.options().uri("/api/v1/plans/p-1?probe=" + probe)
                .header(HttpHeaders.ORIGIN, origin).header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
                .exchange().expectBody().returnResult();
        EntityExchangeResult<byte[]> simple = http.get().uri("/api/v1/plans/p-1?probe=" + probe)
                .header(HttpHeaders.ORIGIN, origin).exchange().expectBody().returnResult();

        // then
        assertProblem(result, 403, null, "Forbidden");
        assertProblem(simple, 403, null, "Forbidden");
        assertThat(result.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(DOWNSTREAM.received(probe)).isEmpty();
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
