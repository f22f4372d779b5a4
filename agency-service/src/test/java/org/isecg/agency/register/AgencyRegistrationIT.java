package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.aNonMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Registering an agency: the answer, the event it publishes, and the entries the register refuses. */
@ServiceIntegration
class AgencyRegistrationIT {

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
    void aRegistrationIsCreatedAtVersionOneWithItsLocation() {
        // given
        String code = uniqueCode();

        // when
        WebTestClient.ResponseSpec response = register(aMember(code));

        // then
        response.expectStatus().isCreated()
                .expectHeader().location("/api/v1/agencies/" + code)
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.memberSince").isEqualTo(2015)
                .jsonPath("$.website").isEqualTo("https://www." + code.toLowerCase() + ".example.org/isecg")
                .jsonPath("$.registeredAt").value(at -> assertThat(Instant.parse((String) at))
                        .isBetween(Instant.now().minusSeconds(30), Instant.now()))
                .jsonPath("$.updatedAt").value(at -> assertThat((String) at).isNotBlank());
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.name").isEqualTo("Test Space Agency " + code);
    }

    @Test
    void aRegistrationPublishesAgencyRegisteredKeyedByCodeAsABinaryModeCloudEventInTheRequestsTrace() {
        // given
        String code = uniqueCode();
        Instant before = Instant.now();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        // when
        http.post().uri("/api/v1/agencies").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(code).registration())
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals("X-Correlation-Id", traceId);

        // then
        PublishedEvent<AgencyRegistered> event = events.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        assertThat(event.data()).isEqualTo(new AgencyRegistered(code, 1, "Test Space Agency " + code, Set.of("FR"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2015, "liaison@" + code.toLowerCase() + ".example.org",
                "https://www." + code.toLowerCase() + ".example.org/isecg", AgencyStatus.ACTIVE));
        assertThat(event.headers())
                .containsEntry("ce_actingclient", "secretariat")
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.TYPE, EventTypes.AGENCY_REGISTERED.name())
                .containsEntry(CloudEventHeaders.SOURCE, "/hub/agency-service")
                .containsEntry(CloudEventHeaders.SUBJECT, code)
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json");
        assertThat(event.headers().get(CloudEventHeaders.TRACE_PARENT)).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
        assertThat(event.headers().get(CloudEventHeaders.ID)).isNotBlank();
        assertThat(Instant.parse(event.headers().get(CloudEventHeaders.TIME)))
                .isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void whatTheRegisterPublishesValidatesAgainstTheSchemaOfAgencyRegistered() {
        // given a non-member: the optional memberSince is left out, not written as null
        String code = uniqueCode();

        // when
        register(aNonMember(code)).expectStatus().isCreated();

        // then
        PublishedEvent<AgencyRegistered> event = events.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        assertThat(EventSchemas.violations(EventTypes.AGENCY_REGISTERED, event.value())).isEmpty();
        assertThat(new String(event.value())).doesNotContain("memberSince");
    }

    @Test
    void aSecondRegistrationOfTheSameCodeIsAConflict() {
        // given
        String code = uniqueCode();
        register(aMember(code)).expectStatus().isCreated();

        // when
        WebTestClient.ResponseSpec second = register(aNonMember(code).with("name", "Impostor"));

        // then
        second.expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/conflict")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(code));
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Test Space Agency " + code);
    }

    @Test
    void aLowerCaseCodeIsABadRequestNamingTheCode() {
        // given
        AgencyEntries entry = aMember("esa-" + uniqueCode().toLowerCase().substring(1, 6));

        // when
        WebTestClient.ResponseSpec response = register(entry);

        // then
        expectProblem(response, 400, "code");
    }

    @Test
    void aCountryThatIsNotAnIsoCodeBreaksARuleNamingTheCountries() {
        expectProblem(register(aMember(uniqueCode()).with("countries", List.of("FR", "XX"))), 422, "countries");
    }

    @Test
    void aMemberWithoutTheYearItJoinedBreaksARuleNamingMemberSince() {
        expectProblem(register(aMember(uniqueCode()).without("memberSince")), 422, "memberSince");
    }

    @Test
    void aNonMemberWithAMembershipYearBreaksARuleNamingMemberSince() {
        expectProblem(register(aNonMember(uniqueCode()).with("memberSince", 2019)), 422, "memberSince");
    }

    @Test
    void aMembershipBeforeIsecgWasFoundedBreaksARuleNamingMemberSince() {
        expectProblem(register(aMember(uniqueCode()).with("memberSince", 1990)), 422, "memberSince");
    }

    @Test
    void aRefusedRegistrationLeavesNothingInTheRegister() {
        // given
        String code = uniqueCode();

        // when
        register(aMember(code).with("memberSince", 1990)).expectStatus().isEqualTo(422);

        // then
        http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
        register(aMember(code)).expectStatus().isCreated();
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestNotAServerError() {
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownKindIsABadRequestNamingTheKind() {
        expectProblem(register(aMember(uniqueCode()).with("kind", "SPACE_FORCE")), 400, "kind");
    }

    private WebTestClient.ResponseSpec register(AgencyEntries entry) {
        return http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(entry.registration()).exchange();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String field) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(field));
    }
}
