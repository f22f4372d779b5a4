package org.isecg.notification.plans;

import java.time.LocalDate;
import java.util.Set;

import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.notification.detection.PlanSnapshot;
import org.springframework.data.annotation.Id;

/**
 * A plan as the projection stores it. {@code active} is denormalised so that candidate queries
 * can use the index; a plan withdrawn before its content arrived has only id, owner and version.
 */
record PlanDocument(
        @Id String planId, String ownerAgency, long version, String title,
        Destination destination, String region, Set<Capability> capabilities,
        LocalDate start, LocalDate end, PlanStatus status,
        Set<String> partners, Set<StandardRef> conformsTo, Set<String> dependsOn, boolean withdrawn, boolean active) {

    PlanSnapshot snapshot() {
        return new PlanSnapshot(planId, ownerAgency, version, title, destination, region, capabilities, start, end,
                status, partners, conformsTo, dependsOn, withdrawn || status == null);
    }
}
