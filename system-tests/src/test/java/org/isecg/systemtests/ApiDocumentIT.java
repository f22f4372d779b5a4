package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.isecg.localstack.LocalStack;
import org.isecg.testsupport.RedoclyLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one API document a newcomer reads at the gateway: every service's operations in the aggregate, each
 * service's own document beside it, Swagger UI to try them, and no error by redocly's recommended rules.
 */
@ExtendWith(SharedStack.class)
class ApiDocumentIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("agency-service", "roadmap-service", "standards-service",
            "notification-service");
    /** A service builds its document on the first request for it, which on a cold JVM takes seconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theGatewayServesEveryServicesOperationsInOneDocumentWithoutALintError(LocalStack stack) {
        AtomicReference<JsonNode> aggregate = new AtomicReference<>();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode document = JSON.readTree(get(stack, "/v3/api-docs").body());
            assertThat(document.path("info").path("description").asString()).doesNotContain("missing from it");
            aggregate.set(document);
        });

        JsonNode document = aggregate.get();
        assertThat(document.path("paths").propertyNames()).contains("/api/v1/agencies", "/api/v1/plans/{planId}",
                "/api/v1/standards/{code}", "/api/v1/overlaps");
        List<String> operationIds = new ArrayList<>();
        document.path("paths").forEach(item -> item.forEach(operation -> operationIds.add(operation.path("operationId").asString())));
        assertThat(operationIds).doesNotHaveDuplicates().doesNotContain("");
        RedoclyLint.assertNoErrors("hub-aggregate", document.toString());
    }

    @Test
    void eachServicesOwnDocumentIsServedThroughTheGatewayWithoutALintError(LocalStack stack) {
        for (String service : SERVICES) {
            AtomicReference<String> document = new AtomicReference<>();
            await().atMost(PATIENCE).untilAsserted(() -> {
                HttpResponse<String> response = get(stack, "/v3/api-docs/" + service);
                assertThat(response.statusCode()).isEqualTo(200);
                document.set(response.body());
            });
            assertThat(JSON.readTree(document.get()).path("info").path("title").asString()).endsWith(service);
            RedoclyLint.assertNoErrors(service, document.get());
        }
    }

    @Test
    void swaggerUiIsServedByTheGatewayAndOffersEveryDocument(LocalStack stack) throws Exception {
        HttpResponse<String> page = get(stack, "/swagger-ui/index.html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js");

        JsonNode config = JSON.readTree(get(stack, "/v3/api-docs/swagger-config").body());
        List<String> urls = config.path("urls").findValuesAsString("url");
        assertThat(urls).hasSize(SERVICES.size() + 1).contains("/v3/api-docs");
        SERVICES.forEach(service -> assertThat(urls).contains("/v3/api-docs/" + service));
    }

    private HttpResponse<String> get(LocalStack stack, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
