package org.isecg.standards.steward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.events.inbound.ProcessedEvents;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Stewards are agencies the catalogue's replica of the register holds as active; others are refused by name. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardStewardIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    ApplicationContext context;

    @Autowired
    AgencyReplica replica;

    @Autowired
    ProcessedEvents processed;

    @Autowired
    PublishedEvents events;

    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Test
    void aStewardTheRegisterDoesNotKnowIsARuleViolationNamingItAndNothingIsStoredOrPublished() {
        // given
        String code = uniqueStandard();
        String unknown = uniqueAgency();

        // when
        WebTestClient.ResponseSpec response = publish(code, List.of("NASA", unknown));

        // then
        response.expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("stewards")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("'" + unknown + "'", "not an agency of the register", "seconds behind"))
                .jsonPath("$.errors.length()").isEqualTo(1);
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
        assertThat(events.publishedSoFar(EventTypes.STANDARD_PUBLISHED, code)).isEmpty();
    }

    @Test
    void aStewardDeactivatedInTheRegisterIsRefusedOnANewStandardButDoesNotBlockTheStandardsItAlreadyStewards() {
        // given an agency that stewards a standard, then leaves the register
        String agency = uniqueAgency();
        String code = uniqueStandard();
        RegisteredStewards.registered(context, agency);
        publish(code, List.of(agency)).expectStatus().isCreated();
        RegisteredStewards.deactivated(context, agency);

        // when it is named on a new standard, then refused as inactive
        String other = uniqueStandard();
        publish(other, List.of(agency)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("'" + agency + "'", "inactive"));
        http.get().uri("/api/v1/standards/{code}", other).exchange().expectStatus().isNotFound();

        // and a change of the standard it already stewards is accepted; adding it elsewhere is not
        http.put().uri("/api/v1/standards/{code}", code).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(code, List.of(agency), "Renamed")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.title").isEqualTo("Renamed");
        http.put().uri("/api/v1/standards/{code}", code).header(HttpHeaders.IF_MATCH, "\"2\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(code, List.of(agency, uniqueAgency()), "Again")).exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void anOlderAgencyEventArrivingAfterANewerOneChangesNothingInTheReplica() {
        // given an agency the replica holds as inactive, at version 2
        String agency = uniqueAgency();
        RegisteredStewards.registered(context, agency);
        RegisteredStewards.deactivated(context, agency);

        // when its registration (version 1) arrives again
        String replayed = RegisteredStewards.publish(context, RegisteredStewards.registration(agency));
        await().atMost(PATIENCE).until(() -> processed.seen("agency-replica", replayed));

        // then the replica still holds it as inactive
        assertThat(replica.statuses(Set.of(agency)).block(PATIENCE)).isEqualTo(Map.of(agency, AgencyStatus.INACTIVE));
    }

    private WebTestClient.ResponseSpec publish(String code, List<String> stewards) {
        return http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(code, stewards, "Standard " + code)).exchange();
    }

    private static Map<String, Object> body(String code, List<String> stewards, String title) {
        return Map.of("code", code, "title", title, "domain", "POWER", "stewards", stewards,
                "revisions", List.of(Map.of("revision", "A", "status", "BASELINED", "published", "2020",
                        "keyParameters", Map.of("bus_voltage", "120 V"))));
    }

    private static String uniqueStandard() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static String uniqueAgency() {
        return "AG" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }
}
