package org.isecg.notification.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.PlanFacts.uniqueAgency;
import static org.isecg.testsupport.ErrorBodies.assertLeaksNothing;
import static org.isecg.testsupport.ErrorBodies.problem;

import java.util.List;

import org.bson.Document;
import org.isecg.notification.NotifierContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/**
 * OWASP API8 at the notifier: every error body, whatever went wrong, is a problem detail that names no
 * Java type, no library, no stack frame and nothing of what the service read from its database.
 */
class OverlapErrorBodiesIT extends NotifierContext {

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void aBodyThatIsNotJsonIsA400ThatLeaksNothing() {
        assertLeaksNothing(problem(markReadWith("{\"read\": "), 400));
    }

    @Test
    void aBodyOfTheWrongTypeIsA400ThatLeaksNothing() {
        assertLeaksNothing(problem(markReadWith("[true]"), 400), "NoBody");
    }

    @Test
    void anUnknownOverlapIsA404ThatLeaksNothing() {
        assertLeaksNothing(problem(http.get().uri("/api/v1/overlaps/{id}", "duplication:no-such-pair").exchange(), 404));
    }

    /**
     * A write no rule names is refused (403) before any handler is looked for, so the 405 is met where the
     * rules let the method through: a GET, which an agency's token may send under /api/v1/notifications.
     */
    @Test
    void aMethodTheApiDoesNotTakeIsA405ThatLeaksNothing() {
        assertLeaksNothing(problem(http.get().uri("/api/v1/notifications/{entry}/read", "ESA:x:1").exchange(), 405));
    }

    @Test
    void aWriteNoRuleNamesIsA403ThatLeaksNothing() {
        assertLeaksNothing(problem(http.delete().uri("/api/v1/overlaps/{id}", "duplication:no-such-pair").exchange(), 403));
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIsA415ThatLeaksNothing() {
        assertLeaksNothing(problem(http.post().uri("/api/v1/notifications/{entry}/read", "ESA:x:1")
                .contentType(MediaType.TEXT_PLAIN).bodyValue("read=false").exchange(), 415));
    }

    @Test
    void aStoredOverlapTheServiceCannotReadIsA500ThatLeaksNothingOfTheFailure() {
        // given an overlap written behind the service's back, of a kind no version of it knows
        String overlapId = "duplication:" + uniqueAgency("B").toLowerCase();
        Document broken = new Document("_id", overlapId).append("version", 1L).append("kind", "SECRET_KIND_X9")
                .append("severity", "HIGH").append("state", "OPEN").append("planIds", List.of("p-1", "p-2"))
                .append("agencies", List.of(uniqueAgency("B"))).append("basis", List.of());
        mongo.getCollection(OverlapDocument.COLLECTION).flatMap(overlaps -> Mono.from(overlaps.insertOne(broken))).block();
        try {
            // when
            byte[] body = problem(http.get().uri("/api/v1/overlaps/{id}", overlapId).exchange(), 500);

            // then
            String text = assertLeaksNothing(body, "SECRET_KIND_X9", "OverlapKind", "enum");
            assertThat(text).contains("/problems/internal-error");
        } finally {
            mongo.getCollection(OverlapDocument.COLLECTION)
                    .flatMap(overlaps -> Mono.from(overlaps.deleteOne(new Document("_id", overlapId)))).block();
        }
        http.get().uri("/api/v1/overlaps/{id}", overlapId).exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec markReadWith(String body) {
        return http.post().uri("/api/v1/notifications/{entry}/read", "ESA:x:1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
