package org.isecg.notification.overlap;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.notification.detection.Finding;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An overlap as stored, with the plan versions its current state was computed from and the events
 * not yet published.
 */
@Document(OverlapDocument.COLLECTION)
record OverlapDocument(
        @Id String overlapId, long version, OverlapKind kind, Severity severity, OverlapState state,
        List<String> planIds, Set<String> agencies, Destination destination, String region,
        Set<Capability> capabilities, InterfaceDomain domain, String summary, String resolution,
        List<PlanVersion> basis, Instant openedAt, Instant updatedAt, Instant resolvedAt, List<OutboxEvent> outbox)
        implements OutboxAggregate {

    static final String COLLECTION = "overlaps";

    Finding finding() {
        return new Finding(kind, severity, planIds, agencies, destination, region, capabilities, domain, summary,
                basisMap());
    }

    Map<String, Long> basisMap() {
        Map<String, Long> map = new HashMap<>();
        basis.forEach(entry -> map.put(entry.planId(), entry.version()));
        return map;
    }

    /**
     * One plan version behind the overlap's state. Stored as a list, not a map: plan ids come from
     * events and must not become field names.
     */
    record PlanVersion(String planId, long version) {

        static List<PlanVersion> of(Map<String, Long> basis) {
            return basis.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> new PlanVersion(entry.getKey(), entry.getValue())).toList();
        }
    }
}
