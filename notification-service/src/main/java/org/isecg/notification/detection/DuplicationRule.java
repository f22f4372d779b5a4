package org.isecg.notification.detection;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;

/**
 * Duplicated effort: two active, co-located plans of owners who are not partners, in overlapping
 * windows, sharing a capability. {@code HIGH} when they share a function; {@code LOW} when they
 * share only the vehicle ({@code LANDER}, {@code ORBITER}), which many unrelated missions do.
 */
public final class DuplicationRule implements OverlapRule {

    /** Capabilities that name only the vehicle, not what it is for. */
    static final Set<Capability> VEHICLES = EnumSet.of(Capability.LANDER, Capability.ORBITER);

    @Override
    public OverlapKind kind() {
        return OverlapKind.DUPLICATION;
    }

    @Override
    public Set<Capability> candidateCapabilities(PlanSnapshot plan) {
        return plan.capabilities();
    }

    @Override
    public Optional<Finding> evaluate(PlanSnapshot a, PlanSnapshot b) {
        if (a.planId().equals(b.planId()) || !a.isActive() || !b.isActive() || a.isPartnerOf(b)
                || !a.isColocatedWith(b) || !a.windowOverlaps(b)) {
            return Optional.empty();
        }
        Set<Capability> shared = EnumSet.noneOf(Capability.class);
        shared.addAll(a.capabilities());
        shared.retainAll(b.capabilities());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        boolean sharesFunction = shared.stream().anyMatch(capability -> !VEHICLES.contains(capability));
        String region = a.sharedRegion(b);
        return Optional.of(new Finding(OverlapKind.DUPLICATION, sharesFunction ? Severity.HIGH : Severity.LOW,
                List.of(a.planId(), b.planId()), Set.of(a.ownerAgency(), b.ownerAgency()),
                a.destination(), region, shared, null, summary(a, b, shared, region),
                Map.of(a.planId(), a.version(), b.planId(), b.version())));
    }

    private static String summary(PlanSnapshot a, PlanSnapshot b, Set<Capability> shared, String region) {
        PlanSnapshot first = a.planId().compareTo(b.planId()) < 0 ? a : b;
        PlanSnapshot second = first == a ? b : a;
        String where = region == null ? first.destination().name() : first.destination() + " " + region;
        return first.ownerAgency() + " '" + first.title() + "' and " + second.ownerAgency() + " '" + second.title()
                + "' both plan " + shared.stream().map(Enum::name).collect(Collectors.joining(", "))
                + " at " + where + " in overlapping windows";
    }
}
