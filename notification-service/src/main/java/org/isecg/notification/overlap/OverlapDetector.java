package org.isecg.notification.overlap;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.isecg.contracts.roadmap.PlanEvent;
import org.isecg.notification.detection.Detection;
import org.isecg.notification.detection.KnownOverlap;
import org.isecg.notification.detection.OverlapChange;
import org.isecg.notification.detection.OverlapRules;
import org.isecg.notification.detection.PlanSnapshot;
import org.isecg.notification.plans.PlanProjection;
import org.isecg.events.faults.FaultPoints;
import org.isecg.events.inbound.EventEnvelope;
import org.isecg.events.inbound.EventHandler;
import org.springframework.stereotype.Component;

/**
 * On every plan event: brings the projection up to date, then examines the plan as the projection
 * now holds it. Detection runs even when the event was already applied, so that a crash between
 * the projection write and the overlap writes is repaired by the redelivery ({@code NotifierCrashIT}
 * halts the notifier at {@link #AFTER_PROJECTION_WRITE} to prove it).
 */
@Component
class OverlapDetector implements EventHandler<PlanEvent> {

    /** Fault point for crash tests: the plan is in the projection, its overlaps not yet written. */
    static final String AFTER_PROJECTION_WRITE = "notifier.after-projection-write";

    private final PlanProjection projection;
    private final Overlaps overlaps;
    private final FaultPoints faults;
    private final OverlapRules rules = OverlapRules.standard();
    private final Detection detection = new Detection(rules);

    OverlapDetector(PlanProjection projection, Overlaps overlaps, FaultPoints faults) {
        this.projection = projection;
        this.overlaps = overlaps;
        this.faults = faults;
    }

    @Override
    public void handle(EventEnvelope<? extends PlanEvent> event) {
        PlanEvent planEvent = event.data();
        projection.apply(planEvent);
        faults.reach(AFTER_PROJECTION_WRITE);
        PlanSnapshot plan = projection.find(planEvent.planId())
                .orElseThrow(() -> new IllegalStateException("plan " + planEvent.planId() + " missing after projection"));
        List<PlanSnapshot> candidates = plan.isActive()
                ? projection.candidates(plan, rules.candidateCapabilities(plan)) : List.of();
        List<KnownOverlap> known = overlaps.involving(plan.planId());
        Map<String, PlanSnapshot> others = projection.findAll(known.stream()
                        .flatMap(overlap -> overlap.planIds().stream()).distinct().toList())
                .stream().collect(Collectors.toMap(PlanSnapshot::planId, Function.identity()));
        for (OverlapChange change : detection.examine(plan, candidates, known, others)) {
            overlaps.apply(change);
        }
    }
}
