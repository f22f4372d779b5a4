package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The roadmap's HTTP API as the tests call it. */
final class RoadmapApi {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient http;

    RoadmapApi(WebTestClient http) {
        this.http = http;
    }

    WebTestClient.ResponseSpec create(PlanDrafts draft) {
        return http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).bodyValue(draft.body()).exchange();
    }

    /** A create sent with an {@code Idempotency-Key} header of that value. */
    WebTestClient.ResponseSpec create(PlanDrafts draft, String idempotencyKey) {
        return http.post().uri("/api/v1/plans").header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(draft.body()).exchange();
    }

    /** Creates the plan, which must be accepted; returns its id. */
    String created(PlanDrafts draft) {
        Map<String, Object> plan = create(draft).expectStatus().isCreated().expectBody(JSON_OBJECT).returnResult()
                .getResponseBody();
        return (String) plan.get("planId");
    }

    WebTestClient.ResponseSpec update(String planId, String ifMatch, PlanDrafts draft) {
        WebTestClient.RequestBodySpec request = http.put().uri("/api/v1/plans/{id}", planId)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.bodyValue(draft.body()).exchange();
    }

    WebTestClient.ResponseSpec withdraw(String planId, String ifMatch, String reason) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/plans/{id}/withdrawal", planId)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.bodyValue(reason == null ? Map.of() : Map.of("reason", reason)).exchange();
    }

    Map<String, Object> read(String planId) {
        return http.get().uri("/api/v1/plans/{id}", planId).exchange().expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    /** One page of the list; {@code query} is the query string without {@code ?}. */
    PlanPage list(String query) {
        return http.get().uri("/api/v1/plans?" + query).exchange().expectStatus().isOk()
                .expectBody(PlanPage.class).returnResult().getResponseBody();
    }

    /** Expects a problem detail of that status naming that field among its errors. */
    static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String field) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(field));
    }

    record PlanPage(List<Map<String, Object>> items, String nextPageToken) {

        List<Object> planIds() {
            return items.stream().map(plan -> plan.get("planId")).toList();
        }
    }
}
