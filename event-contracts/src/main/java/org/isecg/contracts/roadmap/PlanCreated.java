package org.isecg.contracts.roadmap;

import java.time.LocalDate;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * An agency put a new plan on the roadmap. Topic {@code roadmap-plans}; type
 * {@code org.isecg.roadmap.plan.created.v1}.
 *
 * @param partners   codes of the partner agencies
 * @param conformsTo the interface standard revisions the plan declares conformance to
 * @param dependsOn  ids of the plans this one depends on (a payload and its lander, a module and its station)
 */
public record PlanCreated(
        String planId, String ownerAgency, long version, String title,
        Destination destination, String region, Set<Capability> capabilities,
        LocalDate start, LocalDate end, PlanStatus status,
        Set<String> partners, Set<StandardRef> conformsTo, Set<String> dependsOn) implements PlanContent {

    public PlanCreated {
        capabilities = SortedSets.copyOf(capabilities);
        partners = SortedSets.copyOf(partners);
        conformsTo = SortedSets.copyOf(conformsTo);
        dependsOn = SortedSets.copyOf(dependsOn);
    }
}
