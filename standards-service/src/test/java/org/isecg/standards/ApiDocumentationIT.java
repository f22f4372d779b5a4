package org.isecg.standards;

import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.RedoclyLint;
import org.isecg.testsupport.ServiceIntegration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service describes its API in an OpenAPI document that API tools take without an error. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class ApiDocumentationIT {

    @Autowired
    WebTestClient http;

    @Test
    void everyOperationHasAnIdANeedForABearerTokenAndProblemDetails() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("ISECG Coordination Hub: standards-service")
                .jsonPath("$.paths['/api/v1/standards/{code}'].get.operationId").isEqualTo("getStandard")
                .jsonPath("$.paths['/api/v1/standards/{code}'].get.security[0].bearerAuth").exists()
                .jsonPath("$.paths['/api/v1/standards/{code}'].get.responses['404']['$ref']").isEqualTo("#/components/responses/NotFound")
                .jsonPath("$.components.responses.NotFound.content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void theDocumentHasNoErrorsByRedoclysRecommendedRules() {
        RedoclyLint.assertServedDocumentHasNoErrors("standards-service", http);
    }
}
