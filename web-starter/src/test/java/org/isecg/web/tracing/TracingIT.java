package org.isecg.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TestTokensInitializer;
import org.isecg.web.testapp.WebTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tracing as every HTTP service has it from the web starter, over real HTTP: the caller's W3C
 * trace context is continued, the trace id answers in X-Correlation-Id whatever the outcome, and
 * every ECS log line written for the request carries it.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    private static final String TRACE_ID = "[0-9a-f]{32}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @BeforeEach
    void asAMember() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().reader("NASA")).build();
    }

    @Test
    void aCallersTraceIsContinuedAnsweredInTheCorrelationHeaderAndOnEveryLogLineOfTheRequest(CapturedOutput output) {
        // given
        String traceId = hex(16);
        String callerSpanId = hex(8);
        String name = "n" + hex(4);

        // when
        http.get().uri("/test/greetings/{name}", name).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .exchange()

                // then
                .expectStatus().isOk()
                .expectHeader().values(TraceIdResponseHeader.HEADER, values -> assertThat(values).containsExactly(traceId));
        List<JsonNode> lines = ecsLines(output, "greeting " + name, "greeted " + name);
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line.path("traceId").asString()).isEqualTo(traceId);
            assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}").isNotEqualTo(callerSpanId);
        });
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceOfItsOwn() {
        http.get().uri("/test/greetings/{name}", "solo").exchange()
                .expectStatus().isOk()
                .expectHeader().values(TraceIdResponseHeader.HEADER,
                        values -> assertThat(values).singleElement().asString().matches(TRACE_ID));
    }

    @Test
    void aProblemDetailAndAnUnknownPathAreAnsweredWithTheTraceIdToo() {
        // given
        String traceId = hex(16);
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";

        // when / then
        http.get().uri("/test/missing/{id}", "x-1").header("traceparent", traceparent).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().values(TraceIdResponseHeader.HEADER, values -> assertThat(values).containsExactly(traceId));
        http.get().uri("/no/such/path").header("traceparent", traceparent).exchange()
                .expectStatus().isNotFound()
                .expectHeader().values(TraceIdResponseHeader.HEADER, values -> assertThat(values).containsExactly(traceId));
    }

    @Test
    void anUnexpectedFailureIsA500ThatQuotesTheTraceIdAndNothingOfTheFailure() {
        // given
        String traceId = hex(16);

        // when / then
        byte[] body = http.get().uri("/test/failure").header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").exchange()
                .expectStatus().isEqualTo(500)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().values(TraceIdResponseHeader.HEADER, values -> assertThat(values).containsExactly(traceId))
                .expectBody().jsonPath("$.correlationId").isEqualTo(traceId)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(traceId))
                .returnResult().getResponseBody();
        assertThat(new String(body)).doesNotContain("db.internal").doesNotContain("IllegalStateException");
    }

    @Test
    void aCorrelationIdSentByTheCallerNoLongerNamesTheTrace() {
        http.get().uri("/test/greetings/{name}", "legacy").header(TraceIdResponseHeader.HEADER, "quickstart-42").exchange()
                .expectStatus().isOk()
                .expectHeader().values(TraceIdResponseHeader.HEADER,
                        values -> assertThat(values).singleElement().asString().matches(TRACE_ID));
    }

    @Test
    void anUnreadableTraceparentStartsANewTraceInsteadOfFailingTheRequest() {
        http.get().uri("/test/greetings/{name}", "garbled").header("traceparent", "00-not-a-trace-01").exchange()
                .expectStatus().isOk()
                .expectHeader().values(TraceIdResponseHeader.HEADER,
                        values -> assertThat(values).singleElement().asString().matches(TRACE_ID));
    }

    /** The ECS JSON lines of the captured console output whose message is one of those given. */
    static List<JsonNode> ecsLines(CapturedOutput output, String... messages) {
        List<String> wanted = List.of(messages);
        return output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(line -> JSON.readTree(line))
                .filter(line -> wanted.contains(line.path("message").asString()))
                .toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
