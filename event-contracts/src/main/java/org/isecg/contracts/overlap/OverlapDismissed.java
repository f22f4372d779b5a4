package org.isecg.contracts.overlap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * An involved agency dismissed an overlap as not relevant to it. Topic {@code overlaps};
 * type {@code org.isecg.notification.overlap.dismissed.v1}.
 *
 * @param agency the agency that dismissed it
 * @param reason why, as given
 */
public record OverlapDismissed(
        String overlapId, long version, OverlapKind kind, Severity severity,
        List<String> planIds, Set<String> agencies, String agency, String reason, Instant at) implements OverlapEvent {

    public OverlapDismissed {
        planIds = List.copyOf(planIds);
        agencies = SortedSets.copyOf(agencies);
    }
}
