package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.contracts.Topics;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.ObjectMapper;

/**
 * Deactivating and reactivating an agency: the secretariat's only, from the version read, each with
 * its own event; the entry stays in the register either way, and a refused change changes nothing.
 */
@ServiceIntegration
class AgencyStatusChangeIT {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;

    @Autowired
    PublishedEvents events;

    String code;

    @BeforeEach
    void anAgencyTheSecretariatRegistered() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.secretariat()).build();
        code = uniqueCode();
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange().expectStatus().isCreated();
    }

    @Test
    void aDeactivationMakesTheAgencyInactiveAtTheNextVersionAndPublishesAgencyDeactivatedWithTheWholeEntry() {
        // when
        WebTestClient.ResponseSpec response = change("deactivation", "\"1\"", "{\"reason\": \"  liaison post vacant  \"}");

        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo("INACTIVE")
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.name").isEqualTo("Test Space Agency " + code);
        PublishedEvent<AgencyDeactivated> event = events.awaitOne(EventTypes.AGENCY_DEACTIVATED, code);
        assertThat(event.data()).isEqualTo(new AgencyDeactivated(code, 2, "Test Space Agency " + code, Set.of("FR"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2015, "liaison@" + code.toLowerCase() + ".example.org",
                "https://www." + code.toLowerCase() + ".example.org/isecg", AgencyStatus.INACTIVE, "liaison post vacant"));
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.TYPE, "org.isecg.register.agency.deactivated.v1")
                .containsEntry(CloudEventHeaders.SUBJECT, code)
                .containsEntry("ce_actingclient", "secretariat");
        assertThat(EventSchemas.violations(EventTypes.AGENCY_DEACTIVATED, event.value())).isEmpty();
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.status").isEqualTo("INACTIVE");
        http.get().uri("/api/v1/agencies/{code}/history", code).exchange()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(2)
                .jsonPath("$.entries[1].event").isEqualTo("org.isecg.register.agency.deactivated.v1")
                .jsonPath("$.entries[1].client").isEqualTo("secretariat");
    }

    @Test
    void aReactivationWithoutABodyMakesTheAgencyActiveAgainAndPublishesAgencyReactivated() {
        // given
        change("deactivation", "\"1\"", null).expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec response = change("reactivation", "\"2\"", null);

        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        PublishedEvent<AgencyReactivated> event = events.awaitOne(EventTypes.AGENCY_REACTIVATED, code);
        assertThat(event.data().version()).isEqualTo(3);
        assertThat(event.data().status()).isEqualTo(AgencyStatus.ACTIVE);
        assertThat(event.data().reason()).isNull();
        assertThat(event.data().website()).isEqualTo("https://www." + code.toLowerCase() + ".example.org/isecg");
        assertThat(event.headers()).containsEntry("ce_actingclient", "secretariat");
        assertThat(new String(event.value())).doesNotContain("reason");
        assertThat(EventSchemas.violations(EventTypes.AGENCY_REACTIVATED, event.value())).isEmpty();
    }

    @Test
    void deactivatingAnInactiveAgencyIsAConflictThatPublishesNothing() {
        // given
        change("deactivation", "\"1\"", null).expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec again = change("deactivation", "*", null);

        // then
        again.expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/conflict")
                .jsonPath("$.detail").isEqualTo("agency '" + code + "' is already inactive");
        // the next legitimate change is version 3: the refused one took no version and left no event
        change("reactivation", "\"2\"", null).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"");
        events.awaitOne(EventTypes.AGENCY_REACTIVATED, code);
        assertThat(typesAndVersionsSoFar()).containsExactly(
                "org.isecg.register.agency.registered.v1@1",
                "org.isecg.register.agency.deactivated.v1@2",
                "org.isecg.register.agency.reactivated.v1@3");
    }

    @Test
    void reactivatingAnActiveAgencyIsAConflictThatChangesNothing() {
        change("reactivation", "\"1\"", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("agency '" + code + "' is already active");

        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void aDeactivationFromAnOlderVersionIsAFailedPreconditionAndOneWithoutIfMatchIsRequiredOne() {
        // given the entry moved on to version 2
        http.put().uri("/api/v1/agencies/{code}", code).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).with("name", "Renamed").update()).exchange().expectStatus().isOk();

        // when / then
        change("deactivation", "\"1\"", null).expectStatus().isEqualTo(412)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-mismatch")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("is at version 2, not 1"));
        change("deactivation", null, null).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
        change("deactivation", "\"2\"", null).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"");
        events.awaitOne(EventTypes.AGENCY_DEACTIVATED, code);
        assertThat(typesAndVersionsSoFar()).containsExactly(
                "org.isecg.register.agency.registered.v1@1",
                "org.isecg.register.agency.updated.v1@2",
                "org.isecg.register.agency.deactivated.v1@3");
    }

    @Test
    void anUnknownAgencyIsNotFoundToDeactivateAndToReactivate() {
        String unknown = uniqueCode();

        http.post().uri("/api/v1/agencies/{code}/deactivation", unknown).header("If-Match", "*").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(unknown));
        http.post().uri("/api/v1/agencies/{code}/reactivation", unknown).header("If-Match", "*").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void nasaCanNeitherDeactivateNorReactivateAnAgency() {
        for (String operation : List.of("deactivation", "reactivation")) {
            TokenExpectations.insufficientScope(http.post().uri("/api/v1/agencies/{code}/" + operation, code)
                    .headers(TestTokens.bearer(TOKENS.agency("NASA"))).header("If-Match", "\"1\"").exchange(),
                    "hub.secretariat");
        }

        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void aReasonThatIsTooLongOrBlankOrAFieldTheBodyDoesNotTakeIsRefusedNamingItAndChangesNothing() {
        change("deactivation", "\"1\"", "{\"reason\": \"" + "r".repeat(501) + "\"}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 500");
        change("deactivation", "\"1\"", "{\"reason\": \"   \"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        change("deactivation", "\"1\"", "{\"reason\": [\"x\"]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        change("deactivation", "\"1\"", "{\"reason\": \"x\", \"status\": \"INACTIVE\", \"until\": \"2030\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("status", "until"));
        change("deactivation", "\"1\"", "{\"reason\": ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void anUpdateOfAnInactiveAgencyKeepsItInactive() {
        // given
        change("deactivation", "\"1\"", null).expectStatus().isOk();

        // when
        http.put().uri("/api/v1/agencies/{code}", code).header("If-Match", "\"2\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).with("name", "Renamed while inactive").update()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("INACTIVE");

        // then
        PublishedEvent<AgencyUpdated> event = events.awaitOne(EventTypes.AGENCY_UPDATED, code);
        assertThat(event.data().status()).isEqualTo(AgencyStatus.INACTIVE);
        assertThat(event.data().version()).isEqualTo(3);
    }

    @Test
    void everyWriteEmitsExactlyItsEventAndEveryRefusedWriteNone() {
        // when: each legitimate write is followed by refused ones, of every kind a write can be refused for
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).with("name", "Second registration").registration()).exchange()
                .expectStatus().isEqualTo(409);
        update("\"1\"", aMember(code).with("memberSince", 1990)).expectStatus().isEqualTo(422);
        update("\"1\"", aMember(code).with("colour", "blue")).expectStatus().isBadRequest();
        update(null, aMember(code)).expectStatus().isEqualTo(428);
        update("\"1\"", aMember(code).with("name", "Renamed")).expectStatus().isOk();
        update("\"1\"", aMember(code).with("name", "Lost update")).expectStatus().isEqualTo(412);
        change("deactivation", "\"1\"", null).expectStatus().isEqualTo(412);
        change("deactivation", "\"2\"", null).expectStatus().isOk();
        change("deactivation", "\"3\"", null).expectStatus().isEqualTo(409);
        change("reactivation", "\"3\"", "{\"reason\": \"" + "r".repeat(501) + "\"}").expectStatus().isBadRequest();
        change("reactivation", "\"3\"", null).expectStatus().isOk();

        // then: once the last write's event is out, the topic holds one event per legitimate write, in order
        events.awaitOne(EventTypes.AGENCY_REACTIVATED, code);
        assertThat(typesAndVersionsSoFar()).containsExactly(
                "org.isecg.register.agency.registered.v1@1",
                "org.isecg.register.agency.updated.v1@2",
                "org.isecg.register.agency.deactivated.v1@3",
                "org.isecg.register.agency.reactivated.v1@4");
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Renamed").jsonPath("$.status").isEqualTo("ACTIVE");
    }

    private WebTestClient.ResponseSpec update(String ifMatch, AgencyEntries entry) {
        WebTestClient.RequestBodySpec request = http.put().uri("/api/v1/agencies/{code}", code)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.bodyValue(entry.update()).exchange();
    }

    private WebTestClient.ResponseSpec change(String operation, String ifMatch, String body) {
        WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/agencies/{code}/" + operation, code);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body == null) {
            return request.exchange();
        }
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Every event of the agency on its topic so far, as type@version, in the order published. */
    private List<String> typesAndVersionsSoFar() {
        return events.recordsSoFar(Topics.AGENCIES, code).stream()
                .map(record -> record.headers().get(CloudEventHeaders.TYPE) + "@"
                        + JSON.readTree(record.value()).get("version").asLong())
                .toList();
    }
}
