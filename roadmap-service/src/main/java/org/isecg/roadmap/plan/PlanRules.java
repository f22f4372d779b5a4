package org.isecg.roadmap.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.roadmap.StandardRef;

/**
 * The rules a plan must keep to be on the roadmap, checked against what the roadmap service knows
 * of the agency register, the standards and the other plans.
 */
final class PlanRules {

    /** Sputnik: no exploration plan starts earlier. */
    static final int EARLIEST_YEAR = 1957;
    /** The roadmap's horizon; later dates are almost certainly typos. */
    static final int LATEST_YEAR = 2100;

    private PlanRules() {
    }

    /**
     * What the service knows that the rules refer to.
     *
     * @param agencies  the status of each agency the plan names, absent when not in the register
     * @param revisions the standard revisions, of those the plan names, that are published
     * @param plans     the withdrawn state of each plan the plan depends on, absent when unknown
     * @param earlierPartners the partners the plan named before this change; none for a new plan
     */
    record Known(Map<String, AgencyStatus> agencies, Set<StandardRef> revisions, Map<String, Boolean> plans,
            Set<String> earlierPartners) {
    }

    static List<Violation> check(RoadmapPlan plan, Known known) {
        List<Violation> violations = new ArrayList<>();
        if (plan.end().isBefore(plan.start())) {
            violations.add(new Violation("end", "must not be before start (" + plan.start() + ")"));
        }
        if (plan.start().getYear() < EARLIEST_YEAR) {
            violations.add(new Violation("start", "must not be before " + EARLIEST_YEAR));
        }
        if (plan.end().getYear() > LATEST_YEAR) {
            violations.add(new Violation("end", "must not be after " + LATEST_YEAR));
        }
        AgencyStatus owner = known.agencies().get(plan.ownerAgency());
        if (owner == null) {
            violations.add(new Violation("ownerAgency", "'" + plan.ownerAgency() + "' is not in the agency register "
                    + "(a newly registered agency reaches the roadmap within seconds)"));
        } else if (owner == AgencyStatus.INACTIVE) {
            violations.add(new Violation("ownerAgency", "'" + plan.ownerAgency() + "' is inactive and may not own plans"));
        }
        for (String partner : plan.partners()) {
            if (partner.equals(plan.ownerAgency())) {
                violations.add(new Violation("partners", "the owner '" + partner + "' is not its own partner"));
            } else if (!known.agencies().containsKey(partner)) {
                violations.add(new Violation("partners", "'" + partner + "' is not in the agency register"));
            } else if (known.agencies().get(partner) == AgencyStatus.INACTIVE && !known.earlierPartners().contains(partner)) {
                // a partner that went inactive keeps its part in cooperation already agreed; it joins no new one
                violations.add(new Violation("partners", "'" + partner + "' is inactive and may not be named as a new partner"));
            }
        }
        for (StandardRef ref : plan.conformsTo()) {
            if (!known.revisions().contains(ref)) {
                violations.add(new Violation("conformsTo", ref + " is not a published revision of a standard"));
            }
        }
        for (String dependency : plan.dependsOn()) {
            Boolean withdrawn = known.plans().get(dependency);
            if (dependency.equals(plan.planId())) {
                violations.add(new Violation("dependsOn", "a plan cannot depend on itself"));
            } else if (withdrawn == null) {
                violations.add(new Violation("dependsOn", "plan '" + dependency + "' does not exist"));
            } else if (withdrawn) {
                violations.add(new Violation("dependsOn", "plan '" + dependency + "' was withdrawn"));
            }
        }
        return violations;
    }
}
