package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;
import static org.isecg.testsupport.ErrorBodies.assertLeaksNothing;
import static org.isecg.testsupport.ErrorBodies.problem;

import java.util.List;

import org.bson.Document;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Mono;

/**
 * OWASP API8 at the register: every error body, whatever went wrong, is a problem detail that names no
 * Java type, no library, no stack frame and nothing of what the service read from its database.
 */
@ServiceIntegration
class AgencyErrorBodiesIT {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void withSecretariatsToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
    }

    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void aBodyThatIsNotJsonIsA400ThatLeaksNothing() {
        assertLeaksNothing(problem(post("{\"code\": \"ESA\", \"name\": "), 400));
    }

    @Test
    void aValueOfTheWrongTypeIsA400ThatLeaksNothing() {
        String body = "{\"code\": \"" + uniqueCode() + "\", \"name\": \"x\", \"countries\": \"FR\", \"kind\": 3,"
                + " \"membership\": \"MEMBER\", \"memberSince\": \"long ago\"}";

        assertLeaksNothing(problem(post(body), 400), "Set", "Integer", "AgencyKind", "RegisterAgency");
    }

    @Test
    void anUnknownAgencyIsA404ThatLeaksNothing() {
        assertLeaksNothing(problem(http.get().uri("/api/v1/agencies/{code}", uniqueCode()).exchange(), 404));
    }

    @Test
    void aWriteMethodTheApiDoesNotTakeIsA403ThatLeaksNothing() {
        // no access rule names DELETE, and a write no rule names is refused before routing (docs/security.md)
        assertLeaksNothing(problem(http.delete().uri("/api/v1/agencies/{code}", uniqueCode()).exchange(), 403));
    }

    @Test
    void aBodyThatIsNotJsonByItsTypeIsA415ThatLeaksNothing() {
        assertLeaksNothing(problem(http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_XML)
                .bodyValue("<agency code=\"ESA\"/>").exchange(), 415));
    }

    @Test
    void aStoredEntryTheServiceCannotReadIsA500ThatLeaksNothingOfTheFailure() {
        // given an entry written behind the service's back, with a kind no version of it knows
        String code = uniqueCode();
        Document broken = new Document("_id", code).append("version", 1L).append("name", "Broken")
                .append("countries", List.of("FR")).append("kind", "SECRET_KIND_X9").append("membership", "MEMBER")
                .append("memberSince", 2015).append("status", "ACTIVE");
        mongo.getCollection(AgencyDocument.COLLECTION).flatMap(agencies -> Mono.from(agencies.insertOne(broken))).block();
        try {
            // when
            byte[] body = problem(http.get().uri("/api/v1/agencies/{code}", code).exchange(), 500);

            // then
            String text = assertLeaksNothing(body, "SECRET_KIND_X9", "AgencyKind", "enum");
            assertThat(text).contains("/problems/internal-error");
        } finally {
            mongo.getCollection(AgencyDocument.COLLECTION)
                    .flatMap(agencies -> Mono.from(agencies.deleteOne(new Document("_id", code)))).block();
        }
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange().expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
