package org.isecg.notification.overlap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.standard.InterfaceDomain;

/**
 * An overlap as the API shows it.
 *
 * @param resolution why it was resolved; absent while open
 */
public record Overlap(
        String overlapId, long version, OverlapKind kind, Severity severity, OverlapState state,
        List<String> planIds, Set<String> agencies, Destination destination, String region,
        Set<Capability> capabilities, InterfaceDomain domain, String summary, String resolution,
        Instant openedAt, Instant updatedAt, Instant resolvedAt) {

    static Overlap of(OverlapDocument document) {
        return new Overlap(document.overlapId(), document.version(), document.kind(), document.severity(),
                document.state(), document.planIds(), document.agencies(), document.destination(), document.region(),
                document.capabilities(), document.domain(), document.summary(), document.resolution(),
                document.openedAt(), document.updatedAt(), document.resolvedAt());
    }
}
