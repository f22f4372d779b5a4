package org.isecg.notification.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.isecg.notification.PlanFacts.aRover;
import static org.isecg.notification.PlanFacts.uniqueAgency;
import static org.isecg.notification.PlanFacts.uniqueRegion;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.isecg.contracts.EventTypes;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.notification.NotifierContext;
import org.isecg.notification.PlanFacts;
import org.isecg.events.outbox.OutboxEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overlaps found from the plan events on the roadmap topic: opened once, resolved when the
 * condition ends, reopened when it holds again, and never moved by stale or repeated events.
 */
class OverlapDetectionIT extends NotifierContext {

    String region;
    String nasa;
    String cnsa;
    PlanFacts nasaRover;
    PlanFacts cnsaRover;

    @BeforeEach
    void twoAgenciesWithRoversAtTheSamePlace() {
        region = uniqueRegion();
        nasa = uniqueAgency("N");
        cnsa = uniqueAgency("C");
        nasaRover = aRover(nasa, region);
        cnsaRover = aRover(cnsa, region);
    }

    @Test
    void twoDuplicatingPlansOpenOneDuplicationAndTellEachOwnerOnce() {
        // when
        detected(nasaRover.created());
        detected(cnsaRover.created());

        // then
        Map<String, Object> overlap = awaitTheOverlapOf(nasa);
        String overlapId = (String) overlap.get("overlapId");
        assertThat(overlap).containsEntry("kind", "DUPLICATION").containsEntry("state", "OPEN")
                .containsEntry("severity", "HIGH").containsEntry("version", 1)
                .containsEntry("region", region).containsEntry("capabilities", List.of("ROVER"));
        assertThat(overlap.get("planIds")).isEqualTo(sorted(nasaRover.planId(), cnsaRover.planId()));
        assertThat((List<Object>) overlap.get("agencies")).containsExactlyInAnyOrder(nasa, cnsa);
        assertThat(overlapsOf(cnsa)).extracting(o -> o.get("overlapId")).containsExactly(overlapId);
        delivered(EventTypes.OVERLAP_OPENED, overlapId, 1);
        for (String agency : List.of(nasa, cnsa)) {
            assertThat(inboxOf(agency)).singleElement().satisfies(entry -> {
                assertThat(entry).containsEntry("change", "OPENED").containsEntry("overlapId", overlapId)
                        .containsEntry("overlapVersion", 1).containsEntry("read", false);
                assertThat((String) entry.get("detail")).contains("both plan ROVER at MOON " + region);
            });
        }
    }

    @Test
    void aPlanEventPublishedTwiceChangesNothingTheSecondTime() {
        // given
        detected(nasaRover.created());
        PlanCreated cnsaCreated = cnsaRover.created();
        OutboxEvent once = wrapped(cnsaCreated);

        // when the relay publishes it twice (a crash before it could remove it), then it is replayed with a new id
        publish(once);
        publish(once);
        detected(cnsaCreated);

        // then
        Map<String, Object> overlap = awaitTheOverlapOf(nasa);
        assertThat(overlap).containsEntry("version", 1).containsEntry("state", "OPEN");
        delivered(EventTypes.OVERLAP_OPENED, (String) overlap.get("overlapId"), 1);
        assertThat(inboxOf(nasa)).hasSize(1);
        assertThat(inboxOf(cnsa)).hasSize(1);
    }

    @Test
    void aPlanMovingItsWindowAwayResolvesTheOverlapAndTellsBothOwnersWhy() {
        // given
        String overlapId = openDuplication();

        // when
        detected(cnsaRover.window("2040-01-01", "2041-12-31").updated(2));

        // then
        assertThat(overlap(overlapId)).containsEntry("state", "RESOLVED").containsEntry("version", 2)
                .containsEntry("resolution", "the plans' windows no longer overlap");
        delivered(EventTypes.OVERLAP_RESOLVED, overlapId, 2);
        for (String agency : List.of(nasa, cnsa)) {
            assertThat(inboxOf(agency)).extracting(entry -> entry.get("change"), entry -> entry.get("detail"))
                    .first().isEqualTo(tuple("RESOLVED", "the plans' windows no longer overlap"));
            assertThat(inboxOf(agency)).hasSize(2);
        }
    }

    @Test
    void aPlanMovingBackReopensTheSameOverlapAtANewVersionAndTellsTheOwnersAgain() {
        // given
        String overlapId = openDuplication();
        detected(cnsaRover.window("2040-01-01", "2041-12-31").updated(2));

        // when
        detected(cnsaRover.window("2031-01-01", "2031-12-31").updated(3));

        // then
        assertThat(overlap(overlapId)).containsEntry("state", "OPEN").containsEntry("version", 3)
                .containsEntry("resolution", null);
        delivered(EventTypes.OVERLAP_OPENED, overlapId, 3);
        for (String agency : List.of(nasa, cnsa)) {
            assertThat(inboxOf(agency)).extracting(entry -> entry.get("change") + " v" + entry.get("overlapVersion"))
                    .containsExactly("OPENED v3", "RESOLVED v2", "OPENED v1");
        }
    }

    @Test
    void aWithdrawalResolvesTheOverlapSayingWhoWithdrewWhat() {
        // given
        String overlapId = openDuplication();

        // when
        detected(cnsaRover.withdrawn(2, "merged into a partner mission"));

        // then
        String reason = cnsa + " withdrew '" + cnsaRover.title() + "'";
        assertThat(overlap(overlapId)).containsEntry("state", "RESOLVED").containsEntry("resolution", reason);
        delivered(EventTypes.OVERLAP_RESOLVED, overlapId, 2);
        assertThat(inboxOf(nasa).get(0)).containsEntry("change", "RESOLVED").containsEntry("detail", reason);
    }

    @Test
    void aStalePlanUpdateChangesNothing() {
        // given an overlap whose CNSA plan is at version 3
        String overlapId = openDuplication();
        detected(cnsaRover.title("CNSA rover, renamed").updated(3));
        assertThat(overlap(overlapId)).containsEntry("version", 2).containsEntry("state", "OPEN");

        // when version 2, which would have moved the plan away, arrives late
        detected(cnsaRover.window("2040-01-01", "2041-12-31").updated(2));

        // then
        assertThat(overlap(overlapId)).containsEntry("version", 2).containsEntry("state", "OPEN");
        assertThat((String) overlap(overlapId).get("summary")).contains("CNSA rover, renamed");
        delivered(EventTypes.OVERLAP_UPDATED, overlapId, 2);
        assertThat(inboxOf(nasa)).extracting(entry -> entry.get("change")).containsExactly("OPENED");
    }

    @Test
    void eventsOutOfOrderEndInTheStateOfTheNewerVersion() {
        // given
        detected(nasaRover.created());

        // when version 2 (co-located) arrives before version 1 (far away in time)
        detected(cnsaRover.updated(2));
        detected(cnsaRover.window("2040-01-01", "2041-12-31").created());

        // then
        Map<String, Object> overlap = awaitTheOverlapOf(nasa);
        assertThat(overlap).containsEntry("state", "OPEN").containsEntry("version", 1);
    }

    @Test
    void anOlderVersionArrivingLastDoesNotOpenAnOverlapTheNewerOneEnded() {
        // given
        detected(nasaRover.created());

        // when version 2 (far away in time) arrives before version 1 (co-located)
        detected(cnsaRover.window("2040-01-01", "2041-12-31").updated(2));
        detected(cnsaRover.window("2030-01-01", "2032-12-31").created());

        // then
        assertThat(overlapsOf(nasa)).isEmpty();
        assertThat(overlapsOf(cnsa)).isEmpty();
    }

    @Test
    void aWithdrawalArrivingBeforeThePlansCreationLeavesNoOverlap() {
        // given
        detected(nasaRover.created());

        // when the withdrawal (version 2) overtakes the creation (version 1)
        detected(cnsaRover.withdrawn(2, "cancelled before announcement"));
        detected(cnsaRover.created());

        // then
        assertThat(overlapsOf(nasa)).isEmpty();
        assertThat(overlapsOf(cnsa)).isEmpty();
    }

    @Test
    void threePlansOfThreeAgenciesAtTheSamePlaceOverlapPairwise() {
        // given
        String esa = uniqueAgency("E");
        PlanFacts esaRover = aRover(esa, region);

        // when
        detected(nasaRover.created());
        detected(cnsaRover.created());
        detected(esaRover.created());

        // then
        Set<List<Object>> pairs = Set.of(sorted(nasaRover.planId(), cnsaRover.planId()),
                sorted(nasaRover.planId(), esaRover.planId()), sorted(cnsaRover.planId(), esaRover.planId()));
        Set<Object> all = new HashSet<>();
        for (String agency : List.of(nasa, cnsa, esa)) {
            List<Map<String, Object>> overlaps = overlapsOf(agency);
            assertThat(overlaps).hasSize(2).allSatisfy(overlap -> assertThat(overlap).containsEntry("kind", "DUPLICATION"));
            overlaps.forEach(overlap -> all.add(overlap.get("overlapId")));
        }
        assertThat(all).hasSize(3);
        assertThat(overlapsOf(esa).stream().map(overlap -> overlap.get("planIds")).collect(Collectors.toSet()))
                .isSubsetOf(pairs);
    }

    @Test
    void partnersDoNotDuplicateEachOthersEffortWhicheverPlanNamesThePartnershipAndArrivesFirst() {
        // given a second pair of agencies elsewhere
        String esa = uniqueAgency("E");
        String jaxa = uniqueAgency("J");
        String elsewhere = uniqueRegion();

        // when the plan naming the partner arrives first in one pair, last in the other
        detected(nasaRover.partners(cnsa).created());
        detected(cnsaRover.created());
        detected(aRover(jaxa, elsewhere).created());
        detected(aRover(esa, elsewhere).partners(jaxa).created());

        // then
        for (String agency : List.of(nasa, cnsa, esa, jaxa)) {
            assertThat(overlapsOf(agency)).as("overlaps of %s", agency).isEmpty();
        }
    }

    @Test
    void plansInDifferentRegionsDoNotOverlap() {
        // when
        detected(nasaRover.created());
        detected(cnsaRover.region(uniqueRegion()).created());

        // then
        assertThat(overlapsOf(nasa)).isEmpty();
    }

    @Test
    void anUnknownOverlapIsNotFound() {
        http.get().uri("/api/v1/overlaps/{id}", "no-such-overlap").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    /** Opens the NASA-CNSA duplication at version 1 and waits until both inboxes have it; returns its id. */
    private String openDuplication() {
        detected(nasaRover.created());
        detected(cnsaRover.created());
        String overlapId = (String) awaitTheOverlapOf(nasa).get("overlapId");
        delivered(EventTypes.OVERLAP_OPENED, overlapId, 1);
        return overlapId;
    }

    private static List<Object> sorted(String... planIds) {
        return List.copyOf(Stream.of(planIds).sorted().toList());
    }
}
