package org.isecg.notification.detection;

/** Why an overlap between two plans ended, in words for the agencies that are told. */
final class EndReasons {

    private EndReasons() {
    }

    static String between(PlanSnapshot changed, PlanSnapshot other) {
        for (PlanSnapshot plan : new PlanSnapshot[] {changed, other}) {
            if (plan.withdrawn()) {
                return plan.ownerAgency() + " withdrew '" + plan.title() + "'";
            }
            if (!plan.isActive()) {
                return plan.ownerAgency() + " '" + plan.title() + "' is " + plan.status();
            }
        }
        if (!changed.isColocatedWith(other)) {
            return "the plans are no longer at the same destination and region";
        }
        if (!changed.windowOverlaps(other)) {
            return "the plans' windows no longer overlap";
        }
        if (changed.isPartnerOf(other)) {
            return changed.ownerAgency() + " and " + other.ownerAgency() + " are now partners in these plans";
        }
        return "the plans no longer share the capabilities concerned";
    }
}
