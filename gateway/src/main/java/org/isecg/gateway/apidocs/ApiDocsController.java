package org.isecg.gateway.apidocs;

import java.net.URI;
import java.time.Duration;

import org.isecg.gateway.problem.EdgeProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The API documents at the gateway, open to every caller: the aggregate at {@code /v3/api-docs}, each
 * service's at {@code /v3/api-docs/<service>}. Swagger UI ({@code /swagger-ui.html}) reads them; its own
 * configuration, {@code /v3/api-docs/swagger-config}, is springdoc's.
 */
@RestController
class ApiDocsController {

    /** A service that did not answer with its document: worth asking again soon. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final ApiDocuments documents;

    ApiDocsController(ApiDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(path = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<JsonNode> aggregate() {
        return documents.aggregate().cast(JsonNode.class);
    }

    @GetMapping(path = "/v3/api-docs/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<?>> ofService(@PathVariable String service, ServerHttpRequest request) {
        if (!documents.knows(service)) {
            return Mono.error(EdgeProblem.notFound());
        }
        return documents.of(service).map(document -> document.<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> unavailable(request)));
    }

    /** As the routes' fallback answers (the web starter's handler would make any 5xx its generic 500 problem). */
    private static ResponseEntity<ProblemDetail> unavailable(ServerHttpRequest request) {
        EdgeProblem problem = EdgeProblem.serviceUnavailable(
                "the service did not answer with its API document; try again shortly", RETRY_AFTER);
        problem.getBody().setInstance(URI.create(request.getPath().value()));
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }
}
