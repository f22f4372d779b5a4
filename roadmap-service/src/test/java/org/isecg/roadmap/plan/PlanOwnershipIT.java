package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;

import java.util.List;
import java.util.Map;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OWASP API1 and API3 at the roadmap: an agency's plan is its own. The owner comes from the token,
 * never from the body; another agency's token changes and withdraws nothing of it, whatever id it
 * tries; the secretariat imports for an owner it names, and the history says so.
 */
class PlanOwnershipIT extends RoadmapContext {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    String owner;
    String other;
    RoadmapApi asOwner;
    RoadmapApi asOther;

    @BeforeEach
    void twoAgenciesTheRoadmapKnows() {
        owner = uniqueCode("O");
        other = uniqueCode("X");
        upstream.registered(owner);
        upstream.registered(other);
        asOwner = new RoadmapApi(as(TOKENS.agency(owner)));
        asOther = new RoadmapApi(as(TOKENS.agency(other)));
    }

    @Test
    void anAgencysPlanIsOwnedByTheTokensAgencyAndItsEventAndHistorySayWhoMadeIt() {
        Map<String, Object> plan = asOwner.create(aLunarLander(owner).without("ownerAgency")).expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        String planId = (String) plan.get("planId");

        assertThat(plan).containsEntry("ownerAgency", owner);
        PublishedEvent<PlanCreated> created = events.awaitOne(EventTypes.PLAN_CREATED, planId);
        assertThat(created.data().ownerAgency()).isEqualTo(owner);
        assertThat(created.headers()).containsEntry(CloudEventHeaders.ACTING_CLIENT, owner)
                .containsEntry(CloudEventHeaders.ACTING_AGENCY, owner);
        asOwner.update(planId, "\"1\"", aLunarLander(owner).without("ownerAgency").with("title", "Renamed"))
                .expectStatus().isOk();
        assertThat(history(planId)).extracting(entry -> entry.get("version"), entry -> entry.get("event"),
                        entry -> entry.get("client"), entry -> entry.get("agency"), entry -> entry.get("importedBy"))
                .containsExactly(tuple(1, EventTypes.PLAN_CREATED.name(), owner, owner, null),
                        tuple(2, EventTypes.PLAN_UPDATED.name(), owner, owner, null));
    }

    @Test
    void aBodyNamingTheOwnerIsRefusedFromAnAgencyEvenItsOwnAndCreatesNothing() {
        for (String named : List.of(owner, other)) {
            asOwner.create(aLunarLander(named))
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                    .jsonPath("$.fields").isEqualTo(List.of("ownerAgency"))
                    .jsonPath("$.errors[0].message").isEqualTo("is server-owned: the service sets it, a request may not");
        }

        assertThat(roadmap.list("owner=" + owner).items()).isEmpty();
        assertThat(roadmap.list("owner=" + other).items()).isEmpty();
    }

    @Test
    void anotherAgencyCannotChangeNorWithdrawAPlanAndNothingOfItChanges() {
        String planId = ownersPlan();

        asOther.update(planId, "\"1\"", aLunarLander(owner).without("ownerAgency").with("title", "Taken over"))
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/not-owner")
                .jsonPath("$.detail").isEqualTo("plan '" + planId + "' is owned by " + owner + "; only its owner changes it");
        asOther.update(planId, "*", aLunarLander(owner).without("ownerAgency").with("title", "Taken over"))
                .expectStatus().isForbidden();
        asOther.withdraw(planId, "\"1\"", "not theirs")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-owner");
        // naming the owner in the body does not make the other agency its owner either
        asOther.update(planId, "\"1\"", aLunarLander(owner).with("title", "Taken over"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/refused-fields");

        assertThat(roadmap.read(planId)).containsEntry("version", 1).containsEntry("title", "South pole lander")
                .containsEntry("withdrawn", false).containsEntry("ownerAgency", owner);
        // the owner's own change is the plan's first update: none of the refused ones was published before it
        asOwner.update(planId, "\"1\"", aLunarLander(owner).without("ownerAgency").with("title", "Still ours"))
                .expectStatus().isOk();
        PublishedEvent<PlanUpdated> first = events.awaitOne(EventTypes.PLAN_UPDATED, planId);
        assertThat(first.data().title()).isEqualTo("Still ours");
        assertThat(first.headers()).containsEntry(CloudEventHeaders.ACTING_AGENCY, owner);
        assertThat(events.publishedSoFar(EventTypes.PLAN_WITHDRAWN, planId)).isEmpty();
        assertThat(history(planId)).extracting(entry -> entry.get("client")).containsExactly(owner, owner);
    }

    @Test
    void guessingIdsFindsNothingToChange() {
        String planId = ownersPlan();

        for (String guess : List.of(planId.toUpperCase(), planId.substring(0, planId.length() - 1) + "0",
                "00000000-0000-0000-0000-000000000000")) {
            if (guess.equals(planId)) {
                continue;
            }
            asOther.update(guess, "*", aLunarLander(owner).without("ownerAgency")).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
        }
        assertThat(roadmap.read(planId)).containsEntry("version", 1);
    }

    @Test
    void theSecretariatImportsForTheOwnerItNamesAndTheHistorySaysWhoImportedIt() {
        String planId = roadmap.created(aLunarLander(owner));

        assertThat(roadmap.read(planId)).containsEntry("ownerAgency", owner);
        PublishedEvent<PlanCreated> created = events.awaitOne(EventTypes.PLAN_CREATED, planId);
        assertThat(created.headers()).containsEntry(CloudEventHeaders.ACTING_CLIENT, "secretariat")
                .doesNotContainKey(CloudEventHeaders.ACTING_AGENCY);
        // the owner takes it over from there
        asOwner.update(planId, "\"1\"", aLunarLander(owner).without("ownerAgency").with("title", "Ours now"))
                .expectStatus().isOk();
        assertThat(history(planId)).extracting(entry -> entry.get("client"), entry -> entry.get("agency"),
                        entry -> entry.get("importedBy"))
                .containsExactly(tuple("secretariat", null, "secretariat"), tuple(owner, owner, null));
    }

    @Test
    void anImportMustNameTheOwner() {
        roadmap.create(aLunarLander(owner).without("ownerAgency"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/rule-violation")
                .jsonPath("$.errors[0].field").isEqualTo("ownerAgency");
    }

    @Test
    void theHistoryOfAnUnknownPlanIsNotFound() {
        http.get().uri("/api/v1/plans/{id}/history", "no-such-plan").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    private String ownersPlan() {
        return (String) asOwner.create(aLunarLander(owner).without("ownerAgency")).expectStatus().isCreated()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody().get("planId");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String planId) {
        Map<String, Object> history = http.get().uri("/api/v1/plans/{id}/history", planId).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        return (List<Map<String, Object>>) history.get("entries");
    }

    private WebTestClient as(String token) {
        return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }
}
