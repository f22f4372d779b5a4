package org.isecg.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
                .jsonPath("$.info.title").isEqualTo("ISECG Coordination Hub: notification-service")
                .jsonPath("$.paths['/api/v1/overlaps/{overlapId}'].get.operationId").isEqualTo("getOverlap")
                .jsonPath("$.paths['/api/v1/overlaps/{overlapId}'].get.security[0].bearerAuth").exists()
                .jsonPath("$.paths['/api/v1/overlaps/{overlapId}'].get.responses['404']['$ref']").isEqualTo("#/components/responses/NotFound")
                .jsonPath("$.components.responses.NotFound.content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ProblemDetail");
    }

    @Test
    void theNotificationsAreTheCallersOwnAndNoPathNamesTheAgency() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/notifications'].get.operationId").isEqualTo("listNotifications")
                .jsonPath("$.paths['/api/v1/notifications'].get.parameters[*].name")
                .value(names -> assertThat((List<String>) names).containsExactlyInAnyOrder("unreadOnly", "pageSize", "pageToken"))
                .jsonPath("$.paths['/api/v1/notifications'].get.responses['403']['$ref']").isEqualTo("#/components/responses/Forbidden")
                .jsonPath("$.paths['/api/v1/notifications/{entryId}/read'].post.operationId").isEqualTo("markNotificationRead")
                .jsonPath("$.paths['/api/v1/notifications/{entryId}/read'].post.parameters[*].name")
                .value(names -> assertThat((List<String>) names).containsExactly("entryId"))
                .jsonPath("$.paths['/api/v1/notifications/{entryId}/read'].post.responses['404']['$ref']")
                .isEqualTo("#/components/responses/NotFound")
                .jsonPath("$.paths['/api/v1/inboxes/{agency}']").doesNotExist()
                .jsonPath("$.paths['/api/v1/inboxes/{agency}/entries/{entryId}/read']").doesNotExist();
    }

    @Test
    void theDocumentHasNoErrorsByRedoclysRecommendedRules() {
        RedoclyLint.assertServedDocumentHasNoErrors("notification-service", http);
    }
}
