package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;
import static org.isecg.testsupport.ErrorBodies.assertLeaksNothing;
import static org.isecg.testsupport.ErrorBodies.problem;

import java.util.List;

import org.bson.Document;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/**
 * OWASP API8 at the catalogue: every error body, whatever went wrong, is a problem detail that names no
 * Java type, no library, no stack frame and nothing of what the service read from its database.
 */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardErrorBodiesIT {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void withStandardsBoardsToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void aBodyThatIsNotJsonIsA400ThatLeaksNothing() {
        assertLeaksNothing(problem(post("{\"code\": \"IDSS\", \"title\": "), 400));
    }

    @Test
    void aValueOfTheWrongTypeIsA400ThatLeaksNothing() {
        String body = "{\"code\": \"" + uniqueCode() + "\", \"title\": \"x\", \"domain\": 3, \"stewards\": \"NASA\","
                + " \"revisions\": [{\"revision\": \"A\", \"status\": \"DRAFT\", \"keyParameters\": [1]}]}";

        assertLeaksNothing(problem(post(body), 400), "InterfaceDomain", "StandardRequest", "Set", "Map");
    }

    @Test
    void anUnknownStandardIsA404ThatLeaksNothing() {
        assertLeaksNothing(problem(http.get().uri("/api/v1/standards/{code}", uniqueCode()).exchange(), 404));
    }

    @Test
    void aWriteMethodTheApiDoesNotTakeIsA403ThatLeaksNothing() {
        // no access rule names DELETE, and a write no rule names is refused before routing (docs/security.md)
        assertLeaksNothing(problem(http.delete().uri("/api/v1/standards/{code}", uniqueCode()).exchange(), 403));
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIsA415ThatLeaksNothing() {
        assertLeaksNothing(problem(http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_XML)
                .bodyValue("<standard code=\"IDSS\"/>").exchange(), 415));
    }

    @Test
    void aStoredStandardTheServiceCannotReadIsA500ThatLeaksNothingOfTheFailure() {
        // given a standard written behind the service's back, in a domain no version of it knows
        String code = uniqueCode();
        Document broken = new Document("_id", code).append("version", 1L).append("title", "Broken")
                .append("domain", "SECRET_DOMAIN_X9").append("stewards", List.of("NASA")).append("revisions", List.of());
        mongo.getCollection(StandardDocument.COLLECTION).flatMap(standards -> Mono.from(standards.insertOne(broken))).block();
        try {
            // when
            byte[] body = problem(http.get().uri("/api/v1/standards/{code}", code).exchange(), 500);

            // then
            String text = assertLeaksNothing(body, "SECRET_DOMAIN_X9", "InterfaceDomain", "enum");
            assertThat(text).contains("/problems/internal-error");
        } finally {
            mongo.getCollection(StandardDocument.COLLECTION)
                    .flatMap(standards -> Mono.from(standards.deleteOne(new Document("_id", code)))).block();
        }
        http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).body()).exchange().expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
