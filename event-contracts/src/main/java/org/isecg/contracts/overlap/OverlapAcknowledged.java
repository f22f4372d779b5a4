package org.isecg.contracts.overlap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * An involved agency acknowledged an overlap: it knows and will act. Topic {@code overlaps};
 * type {@code org.isecg.notification.overlap.acknowledged.v1}.
 *
 * @param agency the agency that acknowledged it
 * @param reason what it said, as given
 */
public record OverlapAcknowledged(
        String overlapId, long version, OverlapKind kind, Severity severity,
        List<String> planIds, Set<String> agencies, String agency, String reason, Instant at) implements OverlapEvent {

    public OverlapAcknowledged {
        planIds = List.copyOf(planIds);
        agencies = SortedSets.copyOf(agencies);
    }
}
