package org.isecg.notification.detection;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.standard.InterfaceDomain;

/**
 * An overlap that holds now between some plans, as a rule found it.
 *
 * @param planIds sorted; with the kind and the domain they make the overlap's id
 * @param basis   the version of each plan the finding was computed from, so that a finding computed
 *                from older plans never overwrites one computed from newer ones
 */
public record Finding(
        OverlapKind kind, Severity severity, List<String> planIds, Set<String> agencies,
        Destination destination, String region, Set<Capability> capabilities, InterfaceDomain domain,
        String summary, Map<String, Long> basis) {

    public Finding {
        planIds = planIds.stream().sorted().toList();
        agencies = SortedSets.copyOf(agencies);
        capabilities = SortedSets.copyOf(capabilities);
        basis = Map.copyOf(basis);
    }

    public String overlapId() {
        return OverlapId.of(kind, planIds, domain);
    }

    /** Whether the finding says the same as another, apart from the plan versions behind it. */
    public boolean sameDetailsAs(Finding other) {
        return kind == other.kind && severity == other.severity && planIds.equals(other.planIds)
                && agencies.equals(other.agencies) && destination == other.destination
                && Objects.equals(region, other.region) && capabilities.equals(other.capabilities)
                && domain == other.domain && summary.equals(other.summary);
    }
}
