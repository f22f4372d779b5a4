package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Changing an entry: only from the version the client read, and every change an AgencyUpdated. */
@ServiceIntegration
class AgencyUpdateIT {

    @Autowired
    WebTestClient http;

    @Autowired
    PublishedEvents events;

    /** Calls as the secretariat: it manages the register. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
    }

    @Test
    void anUpdateNamingTheCurrentVersionIsAppliedAsVersionTwoAndKeepsTheRegistrationTime() {
        // given
        String code = uniqueCode();
        Map<String, Object> registered = registered(code);

        // when
        WebTestClient.ResponseSpec response = update(code, "\"1\"",
                aMember(code).with("countries", List.of("DE", "FR")).with("website", "https://moved.example.org").update());

        // then
        Map<String, Object> updated = response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(updated).containsEntry("version", 2).containsEntry("status", "ACTIVE")
                .containsEntry("countries", List.of("DE", "FR")).containsEntry("website", "https://moved.example.org")
                .containsEntry("registeredAt", registered.get("registeredAt"));
        assertThat(Instant.parse((String) updated.get("updatedAt")))
                .isAfterOrEqualTo(Instant.parse((String) registered.get("updatedAt")));
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.website").isEqualTo("https://moved.example.org");
    }

    @Test
    void anUpdatePublishesAgencyUpdatedWithTheWholeEntryAtItsNewVersion() {
        // given
        String code = uniqueCode();
        registered(code);

        // when
        update(code, "\"1\"", aMember(code).with("name", "Renamed Agency").update()).expectStatus().isOk();

        // then
        PublishedEvent<AgencyUpdated> event = events.awaitOne(EventTypes.AGENCY_UPDATED, code);
        assertThat(event.data()).isEqualTo(new AgencyUpdated(code, 2, "Renamed Agency", Set.of("FR"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2015, "liaison@" + code.toLowerCase() + ".example.org",
                "https://www." + code.toLowerCase() + ".example.org/isecg", AgencyStatus.ACTIVE));
        assertThat(event.headers()).containsEntry("ce_actingclient", "secretariat");
        assertThat(EventSchemas.violations(EventTypes.AGENCY_UPDATED, event.value())).isEmpty();
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsRefusedAsAFailedPrecondition() {
        // given
        String code = uniqueCode();
        registered(code);
        update(code, "\"1\"", aMember(code).with("name", "First change").update()).expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec stale = update(code, "\"1\"", aMember(code).with("name", "Lost update").update());

        // then
        stale.expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-mismatch")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("is at version 2, not 1"));
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("First change");
    }

    @Test
    void anUpdateMayNameAnyOfSeveralVersionsOrAnyVersionButNeverAWeakTag() {
        // given
        String code = uniqueCode();
        registered(code);

        // when / then
        update(code, "\"1\", \"2\"", aMember(code).with("name", "Listed").update()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
        update(code, "*", aMember(code).with("name", "Any version").update()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");
        update(code, "W/\"3\"", aMember(code).with("name", "Weakly").update()).expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("is at version 3").contains("weak entity tag").contains("never matches"));
        update(uniqueCode(), "*", aMember(code).update()).expectStatus().isNotFound();
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.name").isEqualTo("Any version");
    }

    @Test
    void aMalformedIfMatchIsABadRequestNamingTheHeader() {
        // given
        String code = uniqueCode();
        registered(code);

        // when / then
        update(code, "1", aMember(code).update()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedAsPreconditionRequired() {
        // given
        String code = uniqueCode();
        registered(code);

        // when
        WebTestClient.ResponseSpec blind = update(code, null, aMember(code).with("name", "Blind write").update());

        // then
        blind.expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"");
    }

    @Test
    void anUpdateThatBreaksARuleIsRefusedAndLeavesTheEntryAsItWas() {
        // given
        String code = uniqueCode();
        registered(code);

        // when
        WebTestClient.ResponseSpec response = update(code, "\"1\"", aMember(code).with("memberSince", 1990).update());

        // then
        response.expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memberSince");
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.memberSince").isEqualTo(2015);
    }

    @Test
    void anUnknownAgencyIsNotFoundToReadAndToUpdate() {
        // given
        String code = uniqueCode();

        // when / then
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        update(code, "\"1\"", aMember(code).update())
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(code));
    }

    @Test
    void anUpdateSettingTheStatusIsRefusedAsServerOwnedAndTheAgencyStaysActive() {
        // given: status changes only by deactivation and reactivation, whose events consumers act on
        String code = uniqueCode();
        registered(code);
        var body = aMember(code).update();
        body.put("status", "INACTIVE");

        // when
        WebTestClient.ResponseSpec response = update(code, "\"1\"", body);

        // then
        response.expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("status"))
                .jsonPath("$.errors[0].message").isEqualTo("is server-owned: the service sets it, a request may not");
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
    }

    @Test
    void aWebsiteThatIsNotHttpsOrTooLongIsRefusedNamingItAndTheEntryStaysAsItWas() {
        // given
        String code = uniqueCode();
        registered(code);

        // when / then
        for (String website : List.of("http://www.example.org", "javascript:alert(1)", "https://",
                "https://www.example.org/" + "a".repeat(2048))) {
            update(code, "\"1\"", aMember(code).with("website", website).update()).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("website");
        }
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.website").isEqualTo("https://www." + code.toLowerCase() + ".example.org/isecg");
    }

    private Map<String, Object> registered(String code) {
        return http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec update(String code, String ifMatch, Object body) {
        WebTestClient.RequestBodySpec request = http.put().uri("/api/v1/agencies/{code}", code)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.bodyValue(body).exchange();
    }
}
