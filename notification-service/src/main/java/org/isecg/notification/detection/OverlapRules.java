package org.isecg.notification.detection;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.roadmap.Capability;

/** The rules in force, applied together. */
public final class OverlapRules {

    private final List<OverlapRule> rules;

    public OverlapRules(List<OverlapRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules the Hub applies today. */
    public static OverlapRules standard() {
        return new OverlapRules(List.of(new DuplicationRule()));
    }

    /** The kinds these rules decide: only overlaps of these kinds are opened or resolved by them. */
    public Set<OverlapKind> kinds() {
        Set<OverlapKind> kinds = EnumSet.noneOf(OverlapKind.class);
        rules.forEach(rule -> kinds.add(rule.kind()));
        return kinds;
    }

    /** The capabilities that make another plan worth evaluating against this one, under any rule. */
    public Set<Capability> candidateCapabilities(PlanSnapshot plan) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        rules.forEach(rule -> capabilities.addAll(rule.candidateCapabilities(plan)));
        return capabilities;
    }

    /** Every overlap between the plan and the candidates, under every rule. */
    public List<Finding> findings(PlanSnapshot plan, Collection<PlanSnapshot> candidates) {
        return candidates.stream()
                .flatMap(candidate -> rules.stream().map(rule -> rule.evaluate(plan, candidate)))
                .flatMap(Optional::stream)
                .toList();
    }
}
