package org.isecg.contracts.overlap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * The condition of an overlap no longer holds: a plan moved, changed, ended or was withdrawn.
 * Topic {@code overlaps}; type {@code org.isecg.notification.overlap.resolved.v1}. If the
 * condition holds again later, the same overlap id opens again with a higher version.
 *
 * @param reason why it no longer holds, for people
 */
public record OverlapResolved(
        String overlapId, long version, OverlapKind kind, Severity severity,
        List<String> planIds, Set<String> agencies, String reason, Instant resolvedAt) implements OverlapEvent {

    public OverlapResolved {
        planIds = List.copyOf(planIds);
        agencies = SortedSets.copyOf(agencies);
    }
}
