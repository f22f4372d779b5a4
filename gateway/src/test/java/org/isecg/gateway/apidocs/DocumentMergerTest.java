package org.isecg.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Merging the services' documents: everything of each, shared components once, clashing ones renamed. */
class DocumentMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String AGENCIES = """
            {"openapi": "3.1.0",
             "tags": [{"name": "agencies", "description": "The register"}],
             "paths": {"/api/v1/agencies": {"get": {"operationId": "listAgencies",
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}},
                               "401": {"$ref": "#/components/responses/Unauthorized"}}}}},
             "components": {
                 "schemas": {"Page": {"type": "object", "properties": {"items": {"$ref": "#/components/schemas/Agency"}}},
                             "Agency": {"type": "object", "properties": {"code": {"type": "string"}}},
                             "ProblemDetail": {"type": "object"}},
                 "responses": {"Unauthorized": {"description": "no token"}},
                 "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}}
            """;

    /** Its Page differs from the agencies' one; its Wrapper is the same text but wraps its own Page. */
    private static final String PLANS = """
            {"openapi": "3.1.0",
             "tags": [{"name": "plans", "description": "The plans"}, {"name": "agencies", "description": "again"}],
             "paths": {"/api/v1/plans": {"get": {"operationId": "listPlans",
                 "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Wrapper"}}}},
                               "401": {"$ref": "#/components/responses/Unauthorized"}}}},
                       "/api/v1/agencies": {"get": {"operationId": "stolen"}}},
             "components": {
                 "schemas": {"Page": {"type": "object", "properties": {"items": {"$ref": "#/components/schemas/Plan"}}},
                             "Wrapper": {"type": "object", "properties": {"page": {"$ref": "#/components/schemas/Page"}}},
                             "Plan": {"type": "object"},
                             "ProblemDetail": {"type": "object"}},
                 "responses": {"Unauthorized": {"description": "no token"}},
                 "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}}}
            """;

    /** The agencies' Wrapper, the same text as the plans' one. */
    private static final String AGENCIES_WITH_WRAPPER = AGENCIES.replace("\"ProblemDetail\": {\"type\": \"object\"}}",
            "\"ProblemDetail\": {\"type\": \"object\"}, "
                    + "\"Wrapper\": {\"type\": \"object\", \"properties\": {\"page\": {\"$ref\": \"#/components/schemas/Page\"}}}}");

    @Test
    void theAggregateHasEveryServicesPathsAndTagsUnderTheGatewaysHead() {
        DocumentMerger.Merged merged = merge(AGENCIES, PLANS);
        JsonNode document = merged.document();

        assertThat(document.path("info").path("title").asString()).isEqualTo("Hub");
        assertThat(document.path("paths").propertyNames()).containsExactly("/api/v1/agencies", "/api/v1/plans");
        assertThat(document.path("tags").findValuesAsString("name")).containsExactly("agencies", "plans");
        assertThat(document.path("tags").get(0).path("description").asString()).isEqualTo("The register");
    }

    @Test
    void aPathTwoServicesDescribeIsKeptFromTheFirstAndReported() {
        DocumentMerger.Merged merged = merge(AGENCIES, PLANS);

        assertThat(merged.document().at("/paths/~1api~1v1~1agencies/get/operationId").asString()).isEqualTo("listAgencies");
        assertThat(merged.clashingPaths()).containsExactly("roadmap-service /api/v1/agencies");
    }

    @Test
    void identicalComponentsAreKeptOnceAndClashingOnesRenamedWithTheirReferences() {
        JsonNode document = merge(AGENCIES, PLANS).document();
        JsonNode schemas = document.path("components").path("schemas");

        assertThat(schemas.propertyNames()).containsExactlyInAnyOrder("Page", "Agency", "ProblemDetail",
                "roadmap-service.Page", "Wrapper", "Plan");
        assertThat(document.path("components").path("responses").propertyNames()).containsExactly("Unauthorized");
        assertThat(document.path("components").path("securitySchemes").propertyNames()).containsExactly("bearerAuth");
        assertThat(schemas.at("/Page/properties/items/$ref").asString()).isEqualTo("#/components/schemas/Agency");
        assertThat(schemas.at("/roadmap-service.Page/properties/items/$ref").asString()).isEqualTo("#/components/schemas/Plan");
        assertThat(schemas.at("/Wrapper/properties/page/$ref").asString()).isEqualTo("#/components/schemas/roadmap-service.Page");
    }

    @Test
    void aComponentOfTheSameTextIsRenamedToWhenWhatItRefersToWasRenamed() {
        JsonNode schemas = merge(AGENCIES_WITH_WRAPPER, PLANS).document().path("components").path("schemas");

        assertThat(schemas.at("/Wrapper/properties/page/$ref").asString()).isEqualTo("#/components/schemas/Page");
        assertThat(schemas.at("/roadmap-service.Wrapper/properties/page/$ref").asString())
                .isEqualTo("#/components/schemas/roadmap-service.Page");
        JsonNode plansOperation = merge(AGENCIES_WITH_WRAPPER, PLANS).document()
                .at("/paths/~1api~1v1~1plans/get/responses/200/content/application~1json/schema/$ref");
        assertThat(plansOperation.asString()).isEqualTo("#/components/schemas/roadmap-service.Wrapper");
    }

    private static DocumentMerger.Merged merge(String agencies, String plans) {
        ObjectNode head = JSON.createObjectNode();
        head.put("openapi", "3.1.0");
        head.putObject("info").put("title", "Hub");
        return DocumentMerger.merge(head, List.of(
                new DocumentMerger.ServiceDocument("agency-service", JSON.readTree(agencies)),
                new DocumentMerger.ServiceDocument("roadmap-service", JSON.readTree(plans))));
    }
}
