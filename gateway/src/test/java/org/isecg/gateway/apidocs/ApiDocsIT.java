package org.isecg.gateway.apidocs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;

/**
 * The API documents and Swagger UI at the gateway, over real HTTP, with fakes of the services' own
 * {@code /v3/api-docs}: two answer, one refuses connections and one never answers in time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "isecg.gateway.api-docs.timeout=1s")
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class ApiDocsIT {

    private static final String AGENCIES = """
            {"openapi": "3.1.0", "info": {"title": "ISECG Coordination Hub: agency-service", "version": "v1"},
             "tags": [{"name": "agencies", "description": "The ISECG agency register"}],
             "paths": {"/api/v1/agencies": {"get": {"operationId": "listAgencies", "summary": "List",
                 "responses": {"200": {"description": "a page"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}}},
             "components": {"responses": {"Unauthorized": {"description": "no token"}},
                 "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}}
            """;

    private static final String PLANS = """
            {"openapi": "3.1.0", "info": {"title": "ISECG Coordination Hub: roadmap-service", "version": "v1"},
             "tags": [{"name": "plans", "description": "The agencies' exploration plans"}],
             "paths": {"/api/v1/plans/{planId}": {"get": {"operationId": "getPlan", "summary": "Read",
                 "responses": {"200": {"description": "the plan"}, "401": {"$ref": "#/components/responses/Unauthorized"}}}}},
             "components": {"responses": {"Unauthorized": {"description": "no token"}},
                 "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}}}
            """;

    static final HttpServer AGENCY = serving(AGENCIES);
    static final HttpServer ROADMAP = serving(PLANS);
    /** Takes connections (the kernel's backlog does) and never answers, as a service stuck on its database. */
    static final ServerSocket STALLED = listeningButNeverAnswering();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("AGENCY_SERVICE_URL", () -> url(AGENCY));
        registry.add("ROADMAP_SERVICE_URL", () -> url(ROADMAP));
        registry.add("STANDARDS_SERVICE_URL", ApiDocsIT::refusingUrl);
        registry.add("NOTIFICATION_SERVICE_URL", () -> "http://127.0.0.1:" + STALLED.getLocalPort());
    }

    @AfterAll
    static void stop() throws IOException {
        List.of(AGENCY, ROADMAP).forEach(server -> server.stop(0));
        STALLED.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void theAggregateHoldsTheOperationsOfEveryServiceThatAnsweredAndNamesTheOthers() {
        DocumentContext document = json(http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().returnResult());

        assertThat(document.read("$.openapi", String.class)).isEqualTo("3.1.0");
        assertThat(document.read("$.info.title", String.class)).isEqualTo("ISECG Coordination Hub");
        assertThat(document.read("$.info.license.url", String.class)).isNotBlank();
        assertThat(document.read("$.info.contact.name", String.class)).isNotBlank();
        assertThat(document.read("$.servers[0].url", String.class)).isEqualTo("/");
        assertThat(document.read("$.paths['/api/v1/agencies'].get.operationId", String.class)).isEqualTo("listAgencies");
        assertThat(document.read("$.paths['/api/v1/plans/{planId}'].get.operationId", String.class)).isEqualTo("getPlan");
        assertThat(document.read("$.tags[*].name", List.class)).containsExactly("agencies", "plans");
        assertThat(document.read("$.components.securitySchemes.bearerAuth.bearerFormat", String.class)).isEqualTo("JWT");
        assertThat(document.read("$.components.responses.Unauthorized.description", String.class)).isEqualTo("no token");
        assertThat(document.read("$.info.description", String.class))
                .endsWith("missing from it: standards-service, notification-service.")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void eachServicesOwnDocumentIsServedAsTheServiceWroteIt() {
        DocumentContext document = json(http.get().uri("/v3/api-docs/roadmap-service").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult());

        assertThat(document.read("$.info.title", String.class)).isEqualTo("ISECG Coordination Hub: roadmap-service");
        assertThat(document.read("$.paths", Map.class)).containsOnlyKeys("/api/v1/plans/{planId}");
    }

    @Test
    void aServiceThatIsDownOrStalledIsA503ProblemThatNamesNoAddress() {
        for (String service : List.of("standards-service", "notification-service")) {
            EntityExchangeResult<byte[]> result = http.get().uri("/v3/api-docs/" + service).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
                    .expectBody().returnResult();
            DocumentContext problem = json(result);
            assertThat(problem.read("$.type", String.class)).isEqualTo("/problems/service-unavailable");
            assertThat(problem.read("$.instance", String.class)).isEqualTo("/v3/api-docs/" + service);
            assertThat(new String(result.getResponseBodyContent(), UTF_8)).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void aServiceTheGatewayDoesNotKnowIsA404Problem() {
        http.get().uri("/v3/api-docs/billing-service").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void swaggerUiIsBundledAndOffersTheAggregateFirstAndEveryServicesDocument() {
        http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/swagger-ui/index.html");
        String page = http.get().uri("/swagger-ui/index.html").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("swagger-ui-bundle.js").doesNotContain("https://");
        http.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();

        DocumentContext config = json(http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult());
        assertThat(config.read("$['urls.primaryName']", String.class)).isEqualTo("ISECG Coordination Hub (every service)");
        assertThat(config.read("$.urls[*].url", List.class)).containsExactlyInAnyOrder("/v3/api-docs",
                "/v3/api-docs/agency-service", "/v3/api-docs/roadmap-service", "/v3/api-docs/standards-service",
                "/v3/api-docs/notification-service");
        for (Object url : config.read("$.urls[*].url", List.class)) {
            if (!url.equals("/v3/api-docs/standards-service") && !url.equals("/v3/api-docs/notification-service")) {
                http.get().uri((String) url).exchange().expectStatus().isOk();
            }
        }
    }

    @Test
    void swaggerUisFilesMayRunTheirOwnScriptsAndStylesButNothingFromElsewhereAndTheApiStaysLockedDown() {
        http.get().uri("/swagger-ui/index.html").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
        http.get().uri("/v3/api-docs").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        http.get().uri("/api/v1/nothing-here").exchange()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    private static DocumentContext json(EntityExchangeResult<byte[]> result) {
        return JsonPath.parse(new String(result.getResponseBodyContent(), UTF_8));
    }

    private static HttpServer serving(String document) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v3/api-docs", exchange -> {
                byte[] body = document.getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static ServerSocket listeningButNeverAnswering() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port that was free a moment ago and that nothing listens on: connections to it are refused. */
    private static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
