package org.isecg.notification.overlap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** When a conclusion of detection rests on older plans than the stored overlap, and must be dropped. */
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

    @Property
    void noBasisIsStaleAgainstItself(@ForAll @Size(max = 5) Map<@StringLength(min = 1, max = 3) String,
            @LongRange(min = 1, max = 1_000) Long> basis) {
        assertThat(Overlaps.isStale(basis, basis)).isFalse();
    }

    @Property
    void lowerThanStoredForAnyOnePlanIsStaleAndNotLowerForAnyIsNot(
            @ForAll @Size(min = 1, max = 5) Map<@StringLength(min = 1, max = 3) String,
                    @LongRange(min = 2, max = 1_000) Long> stored,
            @ForAll @LongRange(min = 0, max = 5) long raise) {
        // given every plan at or above its stored version
        Map<String, Long> newer = new HashMap<>();
        stored.forEach((plan, version) -> newer.put(plan, version + raise));
        assertThat(Overlaps.isStale(newer, stored)).isFalse();

        // when one plan goes below its stored version
        String oneOfThem = stored.keySet().iterator().next();
        newer.put(oneOfThem, stored.get(oneOfThem) - 1);

        // then
        assertThat(Overlaps.isStale(newer, stored)).isTrue();
    }
}
