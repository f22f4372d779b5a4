package org.isecg.gateway.apidocs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isecg.web.openapi.OpenApiAutoConfiguration;
import org.isecg.web.openapi.OpenApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fetches the services' OpenAPI documents from their own {@code /v3/api-docs} and gathers them into one.
 * Each time it is asked: the documents are small, read by people and tools now and then, and change with
 * every deployment of a service, which a cache would hide.
 */
@Component
class ApiDocuments {

    private static final Logger log = LoggerFactory.getLogger(ApiDocuments.class);
    private static final String TITLE = "ISECG Coordination Hub";
    private static final String DESCRIPTION = "The Hub's whole API, every service's operations in one document, as "
            + "the gateway serves it under /api/v1. Agencies keep their exploration plans current; the Hub finds "
            + "overlaps between agencies' plans and tells the agencies involved. Every call needs a bearer token "
            + "(bearerAuth): on the local stack `./hub token NASA` prints one for NASA's client, and Swagger UI's "
            + "Authorize button takes it. Errors are RFC 9457 problem details (application/problem+json); changes "
            + "need If-Match with the version read (the ETag); creates are safe to retry with an Idempotency-Key "
            + "(docs/api.md). Each service's own document is at `/v3/api-docs/{service}`.";

    private final ApiDocsProperties properties;
    private final OpenApiProperties openApi;
    private final JsonMapper json;
    private final WebClient http;

    ApiDocuments(ApiDocsProperties properties, OpenApiProperties openApi, JsonMapper json) {
        this.properties = properties;
        this.openApi = openApi;
        this.json = json;
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(properties.timeout())))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    /** Whether the gateway gathers a service of this name. */
    boolean knows(String service) {
        return properties.services().containsKey(service);
    }

    /** The service's own document, as it serves it; empty if it did not answer with one in time. */
    Mono<Optional<JsonNode>> of(String service) {
        URI base = properties.services().get(service);
        return http.get().uri(base.resolve("/v3/api-docs")).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(properties.timeout())
                .map(body -> Optional.of(json.readTree(body)))
                .onErrorResume(failure -> {
                    // the address and the client's words stay in the log, as the gateway's 503s keep them
                    log.warn("the OpenAPI document of {} could not be read: {}", service, failure.toString());
                    return Mono.just(Optional.empty());
                });
    }

    /** Every service's document in one; a service that did not answer is left out, and named in the description. */
    Mono<ObjectNode> aggregate() {
        List<String> services = List.copyOf(properties.services().keySet());
        return Flux.fromIterable(services)
                .flatMapSequential(service -> of(service).map(document -> Map.entry(service, document)))
                .collectList()
                .map(this::merge);
    }

    private ObjectNode merge(List<Map.Entry<String, Optional<JsonNode>>> fetched) {
        List<DocumentMerger.ServiceDocument> documents = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Optional<JsonNode>> entry : fetched) {
            entry.getValue().ifPresentOrElse(
                    document -> documents.add(new DocumentMerger.ServiceDocument(entry.getKey(), document)),
                    () -> missing.add(entry.getKey()));
        }
        String description = missing.isEmpty() ? DESCRIPTION
                : DESCRIPTION + " Not reachable when this document was gathered, so missing from it: "
                        + String.join(", ", missing) + ".";
        DocumentMerger.Merged merged = DocumentMerger.merge(head(description), documents);
        if (!merged.clashingPaths().isEmpty()) {
            log.warn("paths that more than one service describes, kept from the first: {}", merged.clashingPaths());
        }
        return merged.document();
    }

    /** openapi, info and servers as every service's document has them, written by swagger-core's own mapper. */
    private ObjectNode head(String description) {
        OpenAPI head = new OpenAPI(SpecVersion.V31).openapi("3.1.0")
                .info(OpenApiAutoConfiguration.info(TITLE, description, openApi))
                .servers(OpenApiAutoConfiguration.servers(openApi));
        try {
            return (ObjectNode) json.readTree(Json31.mapper().writeValueAsString(head));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the aggregate's head could not be written", e);
        }
    }
}
