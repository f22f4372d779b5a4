package org.isecg.roadmap;

import org.isecg.testsupport.RedoclyLint;
import org.isecg.testsupport.ServiceIntegration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service describes its API in an OpenAPI document that API tools take without an error. */
@ServiceIntegration
class ApiDocumentationIT {

    @Autowired
    WebTestClient http;

    @Test
    void everyOperationHasAnIdANeedForABearerTokenAndProblemDetails() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("ISECG Coordination Hub: roadmap-service")
                .jsonPath("$.paths['/api/v1/plans/{planId}'].get.operationId").isEqualTo("getPlan")
                .jsonPath("$.paths['/api/v1/plans/{planId}'].get.security[0].bearerAuth").exists()
                .jsonPath("$.paths['/api/v1/plans/{planId}'].get.responses['404']['$ref']").isEqualTo("#/components/responses/NotFound")
                .jsonPath("$.components.responses.NotFound.content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void theDocumentHasNoErrorsByRedoclysRecommendedRules() {
        RedoclyLint.assertServedDocumentHasNoErrors("roadmap-service", http);
    }
}
