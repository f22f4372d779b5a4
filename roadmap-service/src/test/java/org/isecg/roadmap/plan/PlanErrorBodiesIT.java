package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.testsupport.ErrorBodies.assertLeaksNothing;
import static org.isecg.testsupport.ErrorBodies.problem;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/**
 * OWASP API8 at the roadmap: every error body, whatever went wrong, is a problem detail that names no
 * Java type, no library, no stack frame and nothing of what the service read from its database.
 */
class PlanErrorBodiesIT extends RoadmapContext {

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void aBodyThatIsNotJsonIsA400ThatLeaksNothing() {
        assertLeaksNothing(problem(post("{\"ownerAgency\": \"ESA\", \"title\": "), 400));
    }

    @Test
    void aValueOfTheWrongTypeIsA400ThatLeaksNothing() {
        String body = "{\"ownerAgency\": \"ESA\", \"title\": \"x\", \"destination\": \"VENUS\", \"capabilities\": \"LANDER\","
                + " \"start\": 20300101, \"end\": \"2032-12-31\", \"status\": \"PLANNED\"}";

        assertLeaksNothing(problem(post(body), 400), "Destination", "Capability", "LocalDate", "PlanRequest");
    }

    @Test
    void anUnknownPlanIsA404ThatLeaksNothing() {
        assertLeaksNothing(problem(http.get().uri("/api/v1/plans/{id}", UUID.randomUUID()).exchange(), 404));
    }

    @Test
    void aMethodTheApiDoesNotTakeIsA405ThatLeaksNothing() {
        // a read the access rules let through (hub.read) of what only takes a POST
        assertLeaksNothing(problem(http.get().uri("/api/v1/plans/{id}/withdrawal", UUID.randomUUID()).exchange(), 405));
    }

    @Test
    void aWriteMethodTheApiDoesNotTakeIsA403ThatLeaksNothing() {
        assertLeaksNothing(problem(http.delete().uri("/api/v1/plans/{id}", UUID.randomUUID()).exchange(), 403));
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIsA415ThatLeaksNothing() {
        assertLeaksNothing(problem(http.post().uri("/api/v1/plans").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("ownerAgency=ESA").exchange(), 415));
    }

    @Test
    void aStoredPlanTheServiceCannotReadIsA500ThatLeaksNothingOfTheFailure() {
        // given a plan written behind the service's back, to a destination no version of it knows
        String planId = UUID.randomUUID().toString();
        Document broken = new Document("_id", planId).append("ownerAgency", "ESA").append("version", 1L)
                .append("title", "Broken").append("destination", "SECRET_DEST_X9").append("capabilities", List.of("LANDER"))
                .append("status", "PLANNED").append("withdrawn", false);
        mongo.getCollection(PlanDocument.COLLECTION).flatMap(plans -> Mono.from(plans.insertOne(broken))).block();
        try {
            // when
            byte[] body = problem(http.get().uri("/api/v1/plans/{id}", planId).exchange(), 500);

            // then
            String text = assertLeaksNothing(body, "SECRET_DEST_X9", "Destination", "enum");
            assertThat(text).contains("/problems/internal-error");
        } finally {
            mongo.getCollection(PlanDocument.COLLECTION)
                    .flatMap(plans -> Mono.from(plans.deleteOne(new Document("_id", planId)))).block();
        }
        http.get().uri("/api/v1/plans/{id}", planId).exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
