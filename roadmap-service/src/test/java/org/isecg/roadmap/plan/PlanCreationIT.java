package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.roadmap.UpstreamFacts.agencyRegistered;
import static org.isecg.roadmap.UpstreamFacts.agencyDeactivated;
import static org.isecg.roadmap.UpstreamFacts.agencyReactivated;
import static org.isecg.roadmap.UpstreamFacts.revisionAdded;
import static org.isecg.roadmap.UpstreamFacts.standardPublished;
import static org.isecg.roadmap.UpstreamFacts.standardPublishedV1;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;
import static org.isecg.roadmap.plan.RoadmapApi.expectProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.roadmap.UpstreamEvents;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Putting a plan on the roadmap: validated against the replicas of the agency register and the
 * standards, which only the other services' events feed.
 */
class PlanCreationIT extends RoadmapContext {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    MeterRegistry meters;

    String owner;
    String partner;
    String standard;

    @BeforeEach
    void anOwnerAPartnerAndAStandardTheRoadmapKnows() {
        owner = uniqueCode("O");
        partner = uniqueCode("P");
        standard = uniqueCode("S");
        upstream.registered(owner, partner);
        upstream.published(standard, "E", "F");
    }

    @Test
    void aPlanOfAKnownActiveOwnerIsCreatedAtVersionOne() {
        // given
        PlanDrafts draft = aLunarLander(owner).partners(partner).conformsTo(standard, "F");

        // when
        WebTestClient.ResponseSpec response = roadmap.create(draft);

        // then
        Map<String, Object> plan = response.expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        String planId = (String) plan.get("planId");
        assertThat(planId).isNotBlank();
        assertThat(plan).containsEntry("version", 1).containsEntry("ownerAgency", owner).containsEntry("withdrawn", false);
        http.get().uri("/api/v1/plans/{id}", planId).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.title").isEqualTo("South pole lander");
        response.expectHeader().location("/api/v1/plans/" + planId);
    }

    @Test
    void aCreationPublishesAValidPlanCreatedKeyedByPlanId() {
        // given
        PlanDrafts draft = aLunarLander(owner).partners(partner).conformsTo(standard, "E");

        // when
        String planId = roadmap.created(draft);

        // then
        PublishedEvent<PlanCreated> event = events.awaitOne(EventTypes.PLAN_CREATED, planId);
        assertThat(event.data()).isEqualTo(new PlanCreated(planId, owner, 1, "South pole lander", Destination.MOON,
                "SOUTH_POLE", Set.of(Capability.LANDER, Capability.ROVER), LocalDate.of(2030, 1, 1),
                LocalDate.of(2032, 12, 31), PlanStatus.PLANNED, Set.of(partner), Set.of(new StandardRef(standard, "E")),
                Set.of()));
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.TYPE, EventTypes.PLAN_CREATED.name())
                .containsEntry(CloudEventHeaders.SOURCE, "/hub/roadmap-service")
                .containsEntry(CloudEventHeaders.SUBJECT, planId);
        assertThat(EventSchemas.violations(EventTypes.PLAN_CREATED, event.value())).isEmpty();
    }

    @Test
    void aPlanWithOnlyTheRequiredFieldsPublishesAValidEventWithoutTheOptionalOnes() {
        // given
        PlanDrafts draft = aLunarLander(owner).without("region").without("partners").without("conformsTo")
                .without("dependsOn");

        // when
        String planId = roadmap.created(draft);

        // then
        PublishedEvent<PlanCreated> event = events.awaitOne(EventTypes.PLAN_CREATED, planId);
        assertThat(event.data().region()).isNull();
        assertThat(event.data().partners()).isEmpty();
        assertThat(new String(event.value())).doesNotContain("\"region\"");
        assertThat(EventSchemas.violations(EventTypes.PLAN_CREATED, event.value())).isEmpty();
    }

    @Test
    void anOwnerTheRegisterDoesNotKnowBreaksARuleNamingTheOwner() {
        expectProblem(roadmap.create(aLunarLander(uniqueCode("U"))), 422, "ownerAgency");
    }

    @Test
    void aPlanWithoutOwnerBreaksARuleNamingTheOwner() {
        expectProblem(roadmap.create(aLunarLander(owner).without("ownerAgency")), 422, "ownerAgency");
    }

    @Test
    void anInactiveOwnerMayOwnNoNewPlan() {
        // given
        upstream.publish(agencyDeactivated(owner, 2));
        awaitStatus(owner, AgencyStatus.INACTIVE);

        // when
        WebTestClient.ResponseSpec response = roadmap.create(aLunarLander(owner));

        // then
        expectProblem(response, 422, "ownerAgency")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("inactive"));
    }

    @Test
    void anOlderAgencyEventArrivingLateDoesNotBringAnInactiveOwnerBack() {
        // given the owner went inactive at version 2
        upstream.publish(agencyDeactivated(owner, 2));
        awaitStatus(owner, AgencyStatus.INACTIVE);

        // when its registration (version 1) is delivered again, as after a producer's crash
        upstream.publishAndAwaitHandled(agencyRegistered(owner), UpstreamEvents.AGENCY_REPLICA);

        // then
        assertThat(upstream.agencyStatuses(owner)).containsEntry(owner, AgencyStatus.INACTIVE);
        expectProblem(roadmap.create(aLunarLander(owner)), 422, "ownerAgency");
    }

    @Test
    void anOwnerWhoBecomesActiveAgainMayOwnPlansAgain() {
        // given
        upstream.publish(agencyDeactivated(owner, 2));
        awaitStatus(owner, AgencyStatus.INACTIVE);

        // when
        upstream.publish(agencyReactivated(owner, 3));
        awaitStatus(owner, AgencyStatus.ACTIVE);

        // then
        roadmap.create(aLunarLander(owner)).expectStatus().isCreated();
    }

    @Test
    void aPartnerDeactivatedInTheRegisterMayBeNamedInNoNewPlanUntilReactivated() {
        // given
        upstream.publish(agencyDeactivated(partner, 2));
        awaitStatus(partner, AgencyStatus.INACTIVE);

        // when
        WebTestClient.ResponseSpec response = roadmap.create(aLunarLander(owner).partners(partner));

        // then
        expectProblem(response, 422, "partners")
                .jsonPath("$.errors[0].message").isEqualTo("'" + partner + "' is inactive and may not be named as a new partner");
        assertThat(roadmap.list("owner=" + owner).planIds()).isEmpty();
        upstream.publish(agencyReactivated(partner, 3));
        awaitStatus(partner, AgencyStatus.ACTIVE);
        roadmap.create(aLunarLander(owner).partners(partner)).expectStatus().isCreated();
    }

    @Test
    void aPartnerTheRegisterDoesNotKnowBreaksARuleNamingThePartners() {
        expectProblem(roadmap.create(aLunarLander(owner).partners(partner, uniqueCode("U"))), 422, "partners");
    }

    @Test
    void theOwnerIsNotItsOwnPartner() {
        expectProblem(roadmap.create(aLunarLander(owner).partners(owner)), 422, "partners");
    }

    @Test
    void aRevisionTheStandardDoesNotHaveBreaksARuleNamingConformsTo() {
        expectProblem(roadmap.create(aLunarLander(owner).conformsTo(standard, "Z")), 422, "conformsTo");
    }

    @Test
    void aRevisionAddedLaterIsAcceptedOnceItsRevisionAddedArrives() {
        // given
        expectProblem(roadmap.create(aLunarLander(owner).conformsTo(standard, "G")), 422, "conformsTo");

        // when
        upstream.publish(revisionAdded(standard, 2, "G", "E", "F"));

        // then
        await().atMost(PATIENCE)
                .until(() -> upstream.knownRevisions(standard, "G").size() == 1);
        roadmap.create(aLunarLander(owner).conformsTo(standard, "G")).expectStatus().isCreated();
    }

    @Test
    void aV1StandardEventAloneIsSkippedAsNotHandled() {
        // given
        double skippedBefore = notHandled(EventTypes.STANDARD_PUBLISHED.name());

        // when: a v1 event with a new revision, then a v2 event that changes nothing (its version is held);
        // both are keyed by the code, so the v1 event has been consumed once the v2 one is handled
        upstream.publish(standardPublishedV1(standard, 2, "E", "F", "H"));
        upstream.publishAndAwaitHandled(standardPublished(standard, "E", "F"), UpstreamEvents.STANDARD_REPLICA);

        // then
        assertThat(upstream.knownRevisions(standard, "H")).isEmpty();
        assertThat(notHandled(EventTypes.STANDARD_PUBLISHED.name())).isGreaterThan(skippedBefore);
        expectProblem(roadmap.create(aLunarLander(owner).conformsTo(standard, "H")), 422, "conformsTo");
    }

    @Test
    void anOlderVersionOfAStandardAfterANewerOneChangesNothing() {
        // given
        upstream.publish(revisionAdded(standard, 2, "G", "E", "F"));
        await().atMost(PATIENCE).until(() -> upstream.knownRevisions(standard, "G").size() == 1);

        // when: version 1 again, which has no G
        upstream.publishAndAwaitHandled(standardPublished(standard, "E", "F"), UpstreamEvents.STANDARD_REPLICA);

        // then
        assertThat(upstream.knownRevisions(standard, "G")).containsExactly(new StandardRef(standard, "G"));
        roadmap.create(aLunarLander(owner).conformsTo(standard, "G")).expectStatus().isCreated();
    }

    private double notHandled(String type) {
        Counter counter = meters.find("isecg.events.consumed").tags("consumer", UpstreamEvents.STANDARD_REPLICA,
                "type", type, "outcome", "not-handled").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void dependingOnAPlanThatDoesNotExistBreaksARuleNamingDependsOn() {
        expectProblem(roadmap.create(aLunarLander(owner).dependsOn("no-such-plan")), 422, "dependsOn");
    }

    @Test
    void dependingOnAWithdrawnPlanBreaksARuleNamingDependsOn() {
        // given
        String lander = roadmap.created(aLunarLander(partner));
        roadmap.withdraw(lander, "\"1\"", "descoped").expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec response = roadmap.create(aLunarLander(owner).dependsOn(lander));

        // then
        expectProblem(response, 422, "dependsOn")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("withdrawn"));
    }

    @Test
    void dependingOnAPlanOnTheRoadmapIsAccepted() {
        // given
        String lander = roadmap.created(aLunarLander(partner));

        // when / then
        roadmap.create(aLunarLander(owner).dependsOn(lander)).expectStatus().isCreated()
                .expectBody().jsonPath("$.dependsOn[0]").isEqualTo(lander);
    }

    @Test
    void aWindowThatEndsBeforeItStartsBreaksARuleNamingTheEnd() {
        expectProblem(roadmap.create(aLunarLander(owner).window("2031-01-01", "2030-12-31")), 422, "end");
    }

    @Test
    void aOneDayWindowIsAccepted() {
        roadmap.create(aLunarLander(owner).window("2031-07-20", "2031-07-20")).expectStatus().isCreated();
    }

    @Test
    void aStartBeforeTheSpaceAgeBreaksARuleNamingTheStart() {
        expectProblem(roadmap.create(aLunarLander(owner).window("1900-01-01", "2030-12-31")), 422, "start");
    }

    @Test
    void aDestinationOutsideTheVocabularyIsABadRequestNamingTheDestination() {
        expectProblem(roadmap.create(aLunarLander(owner).with("destination", "VENUS")), 400, "destination")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("VENUS"));
    }

    @Test
    void aDateThatIsNotIsoIsABadRequestNamingTheField() {
        expectProblem(roadmap.create(aLunarLander(owner).with("start", "01/06/2030")), 400, "start");
    }

    @Test
    void aPlanWithoutCapabilitiesIsABadRequestNamingThem() {
        expectProblem(roadmap.create(aLunarLander(owner).with("capabilities", List.of())), 400, "capabilities");
    }

    private void awaitStatus(String code, AgencyStatus status) {
        await().atMost(PATIENCE)
                .until(() -> status == upstream.agencyStatuses(code).get(code));
    }
}
