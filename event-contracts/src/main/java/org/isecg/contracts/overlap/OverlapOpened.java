package org.isecg.contracts.overlap;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.standard.InterfaceDomain;

/**
 * A new overlap was found: the only moment subscribers are notified of it. Topic {@code overlaps};
 * type {@code org.isecg.notification.overlap.opened.v1}.
 *
 * @param region       the region the plans share; absent when either plan names none
 * @param capabilities the capabilities the overlap is about (shared, or provided and served)
 * @param domain       the interface domain, for interoperability gaps only
 * @param summary      one sentence for people: what overlaps, and why it matters
 * @param detectedAt   when the Hub found it
 */
public record OverlapOpened(
        String overlapId, long version, OverlapKind kind, Severity severity,
        List<String> planIds, Set<String> agencies,
        Destination destination, String region, Set<Capability> capabilities,
        InterfaceDomain domain, String summary, Instant detectedAt) implements OverlapEvent {

    public OverlapOpened {
        planIds = List.copyOf(planIds);
        agencies = SortedSets.copyOf(agencies);
        capabilities = SortedSets.copyOf(capabilities);
    }
}
