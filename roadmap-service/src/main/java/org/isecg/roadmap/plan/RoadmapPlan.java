package org.isecg.roadmap.plan;

import java.time.LocalDate;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.StandardRef;

/**
 * A plan on the roadmap. Plain Java: the web and persistence adapters translate to and from it.
 *
 * @param region     the area visited or, for an orbital service, the area served; absent if none
 * @param start      first day of the window, inclusive
 * @param end        last day of the window, inclusive
 * @param dependsOn  ids of the plans this one relies on (a lander it rides, a station it docks to)
 * @param withdrawn  true once the owner took it off the roadmap; it stays readable
 */
public record RoadmapPlan(
        String planId, String ownerAgency, long version, String title,
        Destination destination, String region, Set<Capability> capabilities,
        LocalDate start, LocalDate end, PlanStatus status,
        Set<String> partners, Set<StandardRef> conformsTo, Set<String> dependsOn, boolean withdrawn) {

    public RoadmapPlan {
        capabilities = SortedSets.copyOf(capabilities);
        partners = SortedSets.copyOf(partners);
        conformsTo = SortedSets.copyOf(conformsTo);
        dependsOn = SortedSets.copyOf(dependsOn);
    }

    PlanCreated created() {
        return new PlanCreated(planId, ownerAgency, version, title, destination, region, capabilities, start, end,
                status, partners, conformsTo, dependsOn);
    }

    PlanUpdated updated() {
        return new PlanUpdated(planId, ownerAgency, version, title, destination, region, capabilities, start, end,
                status, partners, conformsTo, dependsOn);
    }
}
