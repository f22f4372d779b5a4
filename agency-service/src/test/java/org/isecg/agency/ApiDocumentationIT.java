package org.isecg.agency;

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
                .jsonPath("$.paths['/api/v1/agencies'].get").exists()
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
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['422'].description").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['201'].headers.Location").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['201'].headers.ETag").exists()
                .jsonPath("$.paths['/api/v1/agencies'].post.responses['201'].content['*/*'].schema['$ref']")
                .isEqualTo("#/components/schemas/Agency");
    }
}
