package org.isecg.notification.detection;

import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.roadmap.Capability;

/** One kind of overlap between two plans. */
public interface OverlapRule {

    OverlapKind kind();

    /**
     * The capabilities a plan must have at least one of to be a candidate partner of {@code plan}
     * under this rule; the projection is indexed by them, so detection reads only such plans.
     */
    Set<Capability> candidateCapabilities(PlanSnapshot plan);

    /** The overlap between the two plans, if this rule finds one; symmetric in its arguments. */
    Optional<Finding> evaluate(PlanSnapshot a, PlanSnapshot b);
}
