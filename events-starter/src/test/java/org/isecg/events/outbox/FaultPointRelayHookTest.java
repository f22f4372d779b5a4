package org.isecg.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isecg.events.faults.FaultPoints;
import org.junit.jupiter.api.Test;

/** Each step of the relay is a fault point of its own, per collection. */
class FaultPointRelayHookTest {

    private final List<Integer> halts = new CopyOnWriteArrayList<>();

    @Test
    void everyRelayPointHasAFaultPointNamePerCollection() {
        assertThat(Arrays.stream(RelayHook.Point.values()).map(point -> FaultPointRelayHook.name(point, "overlaps")))
                .containsExactly("outbox.before-claim:overlaps", "outbox.before-publish:overlaps",
                        "outbox.after-publish:overlaps", "outbox.removed:overlaps", "outbox.fenced:overlaps",
                        "outbox.parked:overlaps");
    }

    @Test
    void theArmedPointHaltsTheRelayOnlyAtThatStepOfThatCollection() {
        RelayHook hook = new FaultPointRelayHook(new FaultPoints(List.of("outbox.before-publish:overlaps"), halts::add));

        hook.at(RelayHook.Point.BEFORE_CLAIM, "overlaps", "o-1", null);
        hook.at(RelayHook.Point.BEFORE_PUBLISH, "roadmap-plans", "p-1", "e-1");
        hook.at(RelayHook.Point.AFTER_PUBLISH, "overlaps", "o-1", "e-2");
        assertThat(halts).isEmpty();

        hook.at(RelayHook.Point.BEFORE_PUBLISH, "overlaps", "o-1", "e-2");
        assertThat(halts).containsExactly(FaultPoints.HALT_STATUS);
    }
}
