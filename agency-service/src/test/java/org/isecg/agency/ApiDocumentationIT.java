package org.isecg.agency;

import org.isecg.testsupport.RedoclyLint;
import org.isecg.testsupport.ServiceIntegration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The service describes its API: an OpenAPI document named after it, with every operation. */
@ServiceIntegration
class ApiDocumentationIT {

    @Autowired
    WebTestClient http;

    @Test
    void theOpenApiDocumentNamesTheServiceAndListsTheRegistersOperations() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("ISECG Coordination Hub: agency-service")
                .jsonPath("$.paths['/api/v1/agencies'].post.summary").isEqualTo("Register an agency")
                .jsonPath("$.paths['/api/v1/agencies'].post.operationId").isEqualTo("registerAgency")
                .jsonPath("$.paths['/api/v1/agencies'].get.operationId").isEqualTo("listAgencies")
                .jsonPath("$.paths['/api/v1/agencies/{code}'].put.summary").isEqualTo("Replace an agency's entry");
    }

    @Test
    void theRegistrationDocumentsTheIdempotencyKeyHeaderAndTheProblemsItMayBring() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/agencies'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                .isEqualTo("header")
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['409'].description").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['409'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ProblemDetail")
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['422'].description").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['201'].headers.Location").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['201'].headers.ETag").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/Agency");
    }

    @Test
    void everyOperationNeedsABearerTokenAndDescribesTheProblemsItMayAnswer() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.securitySchemes.bearerAuth.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearerAuth.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.paths['/api/v1/agencies'].get.security[0].bearerAuth").exists()
                .jsonPath("$.paths['/api/v1/agencies'].get.responses['401']['$ref']").isEqualTo("#/components/responses/Unauthorized")
                .jsonPath("$.paths['/api/v1/agencies'].get.responses['404']").doesNotExist()
                .jsonPath("$.paths['/api/v1/agencies/{code}'].get.responses['404']['$ref']").isEqualTo("#/components/responses/NotFound")
                .jsonPath("$.paths['/api/v1/agencies/{code}'].get.responses['412']").doesNotExist()
                .jsonPath("$.paths['/api/v1/agencies/{code}'].put.responses['412']['$ref']").isEqualTo("#/components/responses/PreconditionFailed")
                .jsonPath("$.paths['/api/v1/agencies/{code}'].put.responses['428']['$ref']").isEqualTo("#/components/responses/PreconditionRequired")
                .jsonPath("$.paths['/api/v1/agencies/{code}'].put.responses['413']['$ref']").isEqualTo("#/components/responses/ContentTooLarge")
                .jsonPath("$.paths['/api/v1/agencies/{code}'].put.responses['422'].content['application/problem+json'].examples").exists()
                .jsonPath("$.components.responses.Unauthorized.headers['WWW-Authenticate']").exists()
                .jsonPath("$.components.responses.TooManyRequests.headers['Retry-After']").exists()
                .jsonPath("$.components.schemas.ProblemDetail.properties.errors.items['$ref']").isEqualTo("#/components/schemas/FieldError");
    }

    @Test
    void theDocumentHasNoErrorsByRedoclysRecommendedRules() {
        RedoclyLint.assertServedDocumentHasNoErrors("agency-service", http);
    }
}
