package org.isecg.contracts.overlap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.standard.InterfaceDomain;

/**
 * An open overlap's details changed (severity, shared capabilities, region) while its condition
 * still holds. Topic {@code overlaps}; type {@code org.isecg.notification.overlap.updated.v1}.
 */
public record OverlapUpdated(
        String overlapId, long version, OverlapKind kind, Severity severity,
        List<String> planIds, Set<String> agencies,
        Destination destination, String region, Set<Capability> capabilities,
        InterfaceDomain domain, String summary, Instant updatedAt) implements OverlapEvent {

    public OverlapUpdated {
        planIds = List.copyOf(planIds);
        agencies = SortedSets.copyOf(agencies);
        capabilities = SortedSets.copyOf(capabilities);
    }
}
