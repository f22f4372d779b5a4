package org.isecg.notification.detection;

import java.time.LocalDate;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;

/**
 * What the notifier knows of a plan: the latest version its events told it.
 *
 * @param withdrawn true once the owner withdrew the plan; a withdrawn plan overlaps nothing
 */
public record PlanSnapshot(
        String planId, String ownerAgency, long version, String title,
        Destination destination, String region, Set<Capability> capabilities,
        LocalDate start, LocalDate end, PlanStatus status,
        Set<String> partners, Set<StandardRef> conformsTo, Set<String> dependsOn, boolean withdrawn) {

    public PlanSnapshot {
        capabilities = SortedSets.copyOf(capabilities);
        partners = SortedSets.copyOf(partners);
        conformsTo = SortedSets.copyOf(conformsTo);
        dependsOn = SortedSets.copyOf(dependsOn);
    }

    /** Active unless cancelled, completed or withdrawn. */
    public boolean isActive() {
        return !withdrawn && status.isActive();
    }

    /** Same destination, and the same region or at least one of them names none. */
    public boolean isColocatedWith(PlanSnapshot other) {
        return destination == other.destination
                && (region == null || other.region == null || region.equals(other.region));
    }

    /** Inclusive windows overlap when each starts no later than the other ends. */
    public boolean windowOverlaps(PlanSnapshot other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }

    /** Either owner is the other plan's owner or one of its partners. */
    public boolean isPartnerOf(PlanSnapshot other) {
        return ownerAgency.equals(other.ownerAgency)
                || other.partners.contains(ownerAgency)
                || partners.contains(other.ownerAgency);
    }

    /** The region both plans share; absent when either names none. */
    public String sharedRegion(PlanSnapshot other) {
        return region != null && other.region != null ? region : null;
    }
}
