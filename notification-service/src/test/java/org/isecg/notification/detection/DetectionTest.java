package org.isecg.notification.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.detection.PlanSnapshots.aPlan;

import java.util.List;
import java.util.Map;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.roadmap.PlanStatus;
import org.junit.jupiter.api.Test;

class DetectionTest {

    private final Detection detection = new Detection(OverlapRules.standard());

    @Test
    void aNewDuplicationHolds() {
        PlanSnapshot plan = aPlan("a", "NASA").build();
        PlanSnapshot other = aPlan("b", "CNSA").build();

        List<OverlapChange> changes = detection.examine(plan, List.of(other), List.of(), Map.of());

        assertThat(changes).singleElement().isInstanceOfSatisfying(OverlapChange.Holds.class,
                holds -> assertThat(holds.finding().planIds()).containsExactly("a", "b"));
    }

    @Test
    void anOpenOverlapThatNothingFindsAnyMoreHasEndedAndSaysWhy() {
        PlanSnapshot moved = aPlan("a", "NASA").version(2).window("2035-01-01", "2036-01-01").build();
        PlanSnapshot other = aPlan("b", "CNSA").version(4).build();
        String id = OverlapId.of(OverlapKind.DUPLICATION, List.of("a", "b"), null);
        KnownOverlap known = new KnownOverlap(id, OverlapKind.DUPLICATION, List.of("a", "b"), true);

        List<OverlapChange> changes = detection.examine(moved, List.of(), List.of(known), Map.of("b", other));

        assertThat(changes).singleElement().isInstanceOfSatisfying(OverlapChange.Ended.class, ended -> {
            assertThat(ended.overlapId()).isEqualTo(id);
            assertThat(ended.reason()).isEqualTo("the plans' windows no longer overlap");
            assertThat(ended.basis()).containsEntry("a", 2L).containsEntry("b", 4L);
        });
    }

    @Test
    void aWithdrawnPlanEndsAllItsOverlapsSayingItWasWithdrawn() {
        PlanSnapshot withdrawn = aPlan("a", "ESA").title("Argonaut").version(3).withdrawn().build();
        PlanSnapshot other = aPlan("b", "NASA").build();
        String id = OverlapId.of(OverlapKind.DUPLICATION, List.of("a", "b"), null);

        List<OverlapChange> changes = detection.examine(withdrawn, List.of(other),
                List.of(new KnownOverlap(id, OverlapKind.DUPLICATION, List.of("a", "b"), true)), Map.of("b", other));

        assertThat(changes).singleElement().isInstanceOfSatisfying(OverlapChange.Ended.class,
                ended -> assertThat(ended.reason()).isEqualTo("ESA withdrew 'Argonaut'"));
    }

    @Test
    void aCancelledPlanEndsItsOverlapsSayingItsStatus() {
        PlanSnapshot cancelled = aPlan("a", "NASA").title("VIPER").status(PlanStatus.CANCELLED).build();
        String id = OverlapId.of(OverlapKind.DUPLICATION, List.of("a", "b"), null);

        List<OverlapChange> changes = detection.examine(cancelled, List.of(),
                List.of(new KnownOverlap(id, OverlapKind.DUPLICATION, List.of("a", "b"), true)),
                Map.of("b", aPlan("b", "CNSA").build()));

        assertThat(changes).singleElement().isInstanceOfSatisfying(OverlapChange.Ended.class,
                ended -> assertThat(ended.reason()).isEqualTo("NASA 'VIPER' is CANCELLED"));
    }

    @Test
    void overlapsAlreadyResolvedOrOfKindsTheseRulesDoNotDecideAreLeftAlone() {
        PlanSnapshot plan = aPlan("a", "NASA").build();
        KnownOverlap resolved = new KnownOverlap("r", OverlapKind.DUPLICATION, List.of("a", "b"), false);
        KnownOverlap otherKind = new KnownOverlap("o", OverlapKind.COOPERATION_OPPORTUNITY, List.of("a", "c"), true);

        assertThat(detection.examine(plan, List.of(), List.of(resolved, otherKind), Map.of())).isEmpty();
    }

    @Test
    void anOverlapThatStillHoldsIsNotEnded() {
        PlanSnapshot plan = aPlan("a", "NASA").build();
        PlanSnapshot other = aPlan("b", "CNSA").build();
        String id = OverlapId.of(OverlapKind.DUPLICATION, List.of("a", "b"), null);

        List<OverlapChange> changes = detection.examine(plan, List.of(other),
                List.of(new KnownOverlap(id, OverlapKind.DUPLICATION, List.of("a", "b"), true)), Map.of("b", other));

        assertThat(changes).singleElement().isInstanceOf(OverlapChange.Holds.class);
    }

    @Test
    void theOverlapIdDependsOnWhatTheOverlapIsAboutNotOnTheOrderOfPlans() {
        assertThat(OverlapId.of(OverlapKind.DUPLICATION, List.of("b", "a"), null))
                .isEqualTo(OverlapId.of(OverlapKind.DUPLICATION, List.of("a", "b"), null))
                .isNotEqualTo(OverlapId.of(OverlapKind.COOPERATION_OPPORTUNITY, List.of("a", "b"), null))
                .isNotEqualTo(OverlapId.of(OverlapKind.DUPLICATION, List.of("a", "c"), null));
    }
}
