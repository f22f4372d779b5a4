package org.isecg.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.events.testapp.SupportTestApplication.Recorder;
import org.isecg.testsupport.EmbeddedInfrastructure;
import org.isecg.testsupport.TestTokens;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' ECS console logs carry the trace id on every line: the request's lines and the
 * lines of the handler of the event it caused, in another thread, after Kafka. A context of its own
 * (a consumer group of its own too) because its console writes ECS JSON, as the services' do.
 */
@EmbeddedInfrastructure
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=support-test-ecs", "logging.structured.format.console=ecs"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class TraceLoggingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    /** The test app's API takes any valid token, its operator endpoints the operator's. */
    @BeforeEach
    void asTheOperator() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().operator()).build();
    }
    @Autowired
    Recorder recorder;

    @Test
    void theRequestsLogLinesAndTheHandlersCarryTheTraceIdOfTheRequest(CapturedOutput output) {
        // given
        String code = OutboxAndInboundContract.uniqueCode();
        String traceId = OutboxAndInboundContract.hex(16);

        // when
        http.post().uri("/test/agencies/{code}", code)
                .header("traceparent", "00-" + traceId + "-" + OutboxAndInboundContract.hex(8) + "-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Logged"))
                .exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.about(code).size() == 1);
        String eventId = recorder.about(code).get(0).id();

        // then
        JsonNode request = theLine(output, "registering test agency " + code);
        JsonNode handler = theLine(output, "recording org.isecg.register.agency.registered.v1 " + eventId);
        assertThat(request.path("traceId").asString()).isEqualTo(traceId);
        assertThat(handler.path("traceId").asString()).isEqualTo(traceId);
        assertThat(handler.path("spanId").asString()).matches("[0-9a-f]{16}")
                .isNotEqualTo(request.path("spanId").asString());
        assertThat(handler.path("eventId").asString()).isEqualTo(eventId);
        assertThat(handler.path("process").path("thread").path("name").asString())
                .isNotEqualTo(request.path("process").path("thread").path("name").asString());
    }

    private static JsonNode theLine(CapturedOutput output, String message) {
        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(line -> JSON.readTree(line))
                .filter(line -> message.equals(line.path("message").asString()))
                .toList();
        assertThat(lines).as("ECS lines with the message '%s'", message).hasSize(1);
        return lines.get(0);
    }
}
