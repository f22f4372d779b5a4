package org.isecg.notification.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.contracts.overlap.OverlapKind;

/**
 * Compares what the rules find for a plan now with the overlaps on record for it: every finding
 * holds, every open overlap of a kind the rules decide that nothing found any more has ended.
 */
public final class Detection {

    private final OverlapRules rules;

    public Detection(OverlapRules rules) {
        this.rules = rules;
    }

    /**
     * @param plan       the plan whose change is examined, as the projection holds it now
     * @param candidates the plans that may overlap it (the projection's pre-selection)
     * @param known      the overlaps on record that involve the plan
     * @param others     the other plans of the known overlaps, to explain why one ended; may lack some
     */
    public List<OverlapChange> examine(PlanSnapshot plan, List<PlanSnapshot> candidates, List<KnownOverlap> known,
            Map<String, PlanSnapshot> others) {
        List<Finding> findings = plan.isActive() ? rules.findings(plan, candidates) : List.of();
        List<OverlapChange> changes = new ArrayList<>();
        findings.forEach(finding -> changes.add(new OverlapChange.Holds(finding)));
        Set<String> found = findings.stream().map(Finding::overlapId).collect(Collectors.toSet());
        Set<OverlapKind> decided = rules.kinds();
        for (KnownOverlap overlap : known) {
            if (overlap.open() && decided.contains(overlap.kind()) && !found.contains(overlap.overlapId())) {
                Map<String, Long> basis = new HashMap<>();
                basis.put(plan.planId(), plan.version());
                String reason = "the overlap no longer holds";
                for (String otherId : overlap.planIds()) {
                    PlanSnapshot other = others.get(otherId);
                    if (other != null && !otherId.equals(plan.planId())) {
                        basis.put(otherId, other.version());
                        reason = EndReasons.between(plan, other);
                    }
                }
                changes.add(new OverlapChange.Ended(overlap.overlapId(), reason, basis));
            }
        }
        return changes;
    }
}
