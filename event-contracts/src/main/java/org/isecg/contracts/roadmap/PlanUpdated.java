package org.isecg.contracts.roadmap;

import java.time.LocalDate;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * A plan's content changed, its status included. Topic {@code roadmap-plans}; type
 * {@code org.isecg.roadmap.plan.updated.v1}. Carries the whole plan after the change.
 */
public record PlanUpdated(
        String planId, String ownerAgency, long version, String title,
        Destination destination, String region, Set<Capability> capabilities,
        LocalDate start, LocalDate end, PlanStatus status,
        Set<String> partners, Set<StandardRef> conformsTo, Set<String> dependsOn) implements PlanContent {

    public PlanUpdated {
        capabilities = SortedSets.copyOf(capabilities);
        partners = SortedSets.copyOf(partners);
        conformsTo = SortedSets.copyOf(conformsTo);
        dependsOn = SortedSets.copyOf(dependsOn);
    }
}
