package org.isecg.notification.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.maps;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * When a conclusion of detection rests on older plans than the stored overlap, and must be dropped.
 * A failing property prints the shrunk basis and its seed; {@code -DQT_SEED=<seed>} on the Maven command line
 * replays it.
 */
class OverlapsTest {

    @Test
    void aConclusionFromAnOlderVersionOfAPlanIsStale() {
        assertThat(Overlaps.isStale(Map.of("a", 1L, "b", 4L), Map.of("a", 2L, "b", 4L))).isTrue();
    }

    @Test
    void aConclusionFromTheSameVersionsIsNotStale() {
        assertThat(Overlaps.isStale(Map.of("a", 2L, "b", 4L), Map.of("a", 2L, "b", 4L))).isFalse();
    }

    @Test
    void aConclusionFromNewerVersionsIsNotStale() {
        assertThat(Overlaps.isStale(Map.of("a", 3L, "b", 5L), Map.of("a", 2L, "b", 4L))).isFalse();
    }

    @Test
    void oneNewerPlanDoesNotMakeUpForAnOlderOne() {
        assertThat(Overlaps.isStale(Map.of("a", 9L, "b", 3L), Map.of("a", 2L, "b", 4L))).isTrue();
    }

    @Test
    void plansTheStoredStateDidNotRestOnAreNeverStale() {
        // an overlap stored before a plan was involved, or a conclusion about one plan only
        assertThat(Overlaps.isStale(Map.of("a", 2L, "c", 1L), Map.of("a", 2L, "b", 4L))).isFalse();
        assertThat(Overlaps.isStale(Map.of("b", 4L), Map.of("a", 2L, "b", 4L))).isFalse();
        assertThat(Overlaps.isStale(Map.of("a", 1L), Map.of())).isFalse();
    }

    @Test
    void noBasisIsStaleAgainstItself() {
        properties().forAll(bases(0, 1)).checkAssert(basis -> assertThat(Overlaps.isStale(basis, basis)).isFalse());
    }

    @Test
    void lowerThanStoredForAnyOnePlanIsStaleAndNotLowerForAnyIsNot() {
        properties().forAll(bases(1, 2), longs().between(0, 5)).checkAssert((stored, raise) -> {
            // given every plan at or above its stored version
            Map<String, Long> newer = new HashMap<>();
            stored.forEach((plan, version) -> newer.put(plan, version + raise));
            assertThat(Overlaps.isStale(newer, stored)).isFalse();

            // when one plan goes below its stored version
            String oneOfThem = stored.keySet().iterator().next();
            newer.put(oneOfThem, stored.get(oneOfThem) - 1);

            // then
            assertThat(Overlaps.isStale(newer, stored)).isTrue();
        });
    }

    /** A thousand examples per property, and no fixed seed: each run explores new ones, a failure's seed replays it. */
    private static QuickTheory properties() {
        return qt().withExamples(1_000);
    }

    /** From {@code minPlans} to five plans with ids of one to three characters, at versions from {@code minVersion}. */
    private static Gen<Map<String, Long>> bases(int minPlans, long minVersion) {
        Gen<String> planIds = strings().basicMultilingualPlaneAlphabet().ofLengthBetween(1, 3);
        return maps().of(planIds, longs().between(minVersion, 1_000)).ofSizeBetween(minPlans, 5);
    }
}
