package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.roadmap.UpstreamFacts.agencyDeactivated;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;
import static org.isecg.roadmap.plan.RoadmapApi.expectProblem;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Changing and withdrawing a plan: only from the version read, never its owner, never once withdrawn. */
class PlanChangeIT extends RoadmapContext {

    String owner;
    String otherAgency;
    String planId;

    @BeforeEach
    void aPlanOnTheRoadmap() {
        owner = uniqueCode("O");
        otherAgency = uniqueCode("A");
        upstream.registered(owner, otherAgency);
        planId = roadmap.created(aLunarLander(owner));
    }

    @Test
    void anUpdateNamingTheCurrentVersionIsAppliedAsVersionTwo() {
        // when
        WebTestClient.ResponseSpec response = roadmap.update(planId, "\"1\"",
                aLunarLander(owner).window("2031-01-01", "2033-06-30").with("status", "APPROVED"));

        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.status").isEqualTo("APPROVED")
                .jsonPath("$.start").isEqualTo("2031-01-01");
        assertThat(roadmap.read(planId)).containsEntry("version", 2).containsEntry("end", "2033-06-30");
    }

    @Test
    void anUpdatePublishesAValidPlanUpdatedAtVersionTwoWithTheWholePlan() {
        // when
        roadmap.update(planId, "\"1\"", aLunarLander(owner).window("2031-01-01", "2033-06-30").partners(otherAgency))
                .expectStatus().isOk();

        // then
        PublishedEvent<PlanUpdated> event = events.awaitOne(EventTypes.PLAN_UPDATED, planId);
        assertThat(event.data().version()).isEqualTo(2);
        assertThat(event.data().ownerAgency()).isEqualTo(owner);
        assertThat(event.data().start()).isEqualTo(LocalDate.of(2031, 1, 1));
        assertThat(event.data().partners()).containsExactly(otherAgency);
        assertThat(event.data().status()).isEqualTo(PlanStatus.PLANNED);
        assertThat(EventSchemas.violations(EventTypes.PLAN_UPDATED, event.value())).isEmpty();
    }

    @Test
    void anUpdateMayLeaveOutTheOwnerButNotChangeIt() {
        // when
        WebTestClient.ResponseSpec takeover = roadmap.update(planId, "\"1\"", aLunarLander(otherAgency));

        // then
        expectProblem(takeover, 422, "ownerAgency")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(owner));
        assertThat(roadmap.read(planId)).containsEntry("ownerAgency", owner).containsEntry("version", 1);
        roadmap.update(planId, "\"1\"", aLunarLander(owner).without("ownerAgency")).expectStatus().isOk()
                .expectBody().jsonPath("$.ownerAgency").isEqualTo(owner);
    }

    @Test
    void aPartnerThatWentInactiveStaysThroughAChangeButOneNewlyNamedWhileInactiveIsRefused() {
        // given a plan with a partner, which the register then deactivates, and another inactive agency
        String cooperating = roadmap.created(aLunarLander(owner).partners(otherAgency));
        String leftEarlier = uniqueCode("L");
        upstream.registered(leftEarlier);
        upstream.publish(agencyDeactivated(otherAgency, 2));
        upstream.publish(agencyDeactivated(leftEarlier, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> upstream.agencyStatuses(otherAgency, leftEarlier)
                .equals(Map.of(otherAgency, AgencyStatus.INACTIVE, leftEarlier, AgencyStatus.INACTIVE)));

        // when / then: the agreed cooperation goes on
        roadmap.update(cooperating, "\"1\"", aLunarLander(owner).partners(otherAgency).with("title", "Still together"))
                .expectStatus().isOk();
        // but no inactive agency joins it
        expectProblem(roadmap.update(cooperating, "\"2\"", aLunarLander(owner).partners(otherAgency, leftEarlier)), 422, "partners")
                .jsonPath("$.errors[0].message").isEqualTo("'" + leftEarlier + "' is inactive and may not be named as a new partner");
        assertThat(roadmap.read(cooperating)).containsEntry("version", 2).containsEntry("partners", List.of(otherAgency));
    }

    @Test
    void aPlanCannotDependOnItself() {
        expectProblem(roadmap.update(planId, "\"1\"", aLunarLander(owner).dependsOn(planId)), 422, "dependsOn");
    }

    @Test
    void anUpdateThatBreaksARuleLeavesThePlanAsItWas() {
        // when
        expectProblem(roadmap.update(planId, "\"1\"", aLunarLander(owner).window("2033-01-01", "2032-01-01")), 422, "end");

        // then
        assertThat(roadmap.read(planId)).containsEntry("version", 1).containsEntry("start", "2030-01-01");
    }

    @Test
    void anUpdateBasedOnAnOlderVersionIsRefusedAsAFailedPrecondition() {
        // given
        roadmap.update(planId, "\"1\"", aLunarLander(owner).with("title", "First change")).expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec stale = roadmap.update(planId, "\"1\"", aLunarLander(owner).with("title", "Lost"));

        // then
        stale.expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-mismatch");
        assertThat(roadmap.read(planId)).containsEntry("title", "First change");
    }

    @Test
    void aChangeMayNameAnyOfSeveralVersionsOrAnyVersionButNeverAWeakTag() {
        // when / then
        roadmap.update(planId, "\"1\", \"2\"", aLunarLander(owner).with("title", "Listed")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
        roadmap.update(planId, "*", aLunarLander(owner).with("title", "Any version")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");
        roadmap.withdraw(planId, "W/\"3\"", "weakly").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("weak entity tag").contains("never matches"));
        roadmap.withdraw(planId, "\"2\", \"3\"", "listed").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"4\"");
        roadmap.update(planId, "*", aLunarLander(owner)).expectStatus().isEqualTo(409);
        roadmap.update("no-such-plan", "*", aLunarLander(owner)).expectStatus().isNotFound();
        assertThat(roadmap.read(planId)).containsEntry("version", 4).containsEntry("title", "Any version")
                .containsEntry("withdrawn", true);
    }

    @Test
    void anUpdateWithoutIfMatchIsRefusedAsPreconditionRequired() {
        roadmap.update(planId, null, aLunarLander(owner)).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
    }

    @Test
    void anUnknownPlanIsNotFoundToReadUpdateAndWithdraw() {
        http.get().uri("/api/v1/plans/{id}", "no-such-plan").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        roadmap.update("no-such-plan", "\"1\"", aLunarLander(owner)).expectStatus().isNotFound();
        roadmap.withdraw("no-such-plan", "\"1\"", "never existed").expectStatus().isNotFound();
    }

    @Test
    void aWithdrawalTakesThePlanOffTheRoadmapAndPublishesPlanWithdrawnWithTheReason() {
        // when
        WebTestClient.ResponseSpec response = roadmap.withdraw(planId, "\"1\"", "merged into a partner's mission");

        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.withdrawn").isEqualTo(true);
        PublishedEvent<PlanWithdrawn> event = events.awaitOne(EventTypes.PLAN_WITHDRAWN, planId);
        assertThat(event.data()).isEqualTo(new PlanWithdrawn(planId, owner, 2, "merged into a partner's mission"));
        assertThat(EventSchemas.violations(EventTypes.PLAN_WITHDRAWN, event.value())).isEmpty();
        assertThat(roadmap.read(planId)).containsEntry("withdrawn", true);
    }

    @Test
    void aWithdrawnPlanCannotChangeAnyMore() {
        // given
        roadmap.withdraw(planId, "\"1\"", "cancelled by the agency").expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec update = roadmap.update(planId, "\"2\"", aLunarLander(owner));
        WebTestClient.ResponseSpec again = roadmap.withdraw(planId, "\"2\"", "twice");

        // then
        update.expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/conflict");
        again.expectStatus().isEqualTo(409);
        assertThat(roadmap.read(planId)).containsEntry("version", 2).containsEntry("title", "South pole lander");
    }

    @Test
    void aWithdrawalNeedsTheVersionReadAndAReason() {
        roadmap.withdraw(planId, null, "no version").expectStatus().isEqualTo(428);
        roadmap.withdraw(planId, "\"7\"", "wrong version").expectStatus().isEqualTo(412);
        expectProblem(roadmap.withdraw(planId, "\"1\"", " "), 400, "reason");
        assertThat(roadmap.read(planId)).containsEntry("withdrawn", false);
    }
}
