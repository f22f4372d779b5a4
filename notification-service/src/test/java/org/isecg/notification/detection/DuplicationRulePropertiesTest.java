package org.isecg.notification.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The rule's invariants over arbitrary pairs of plans drawn from a small world, so that many pairs collide.
 * A failure prints the shrunk pair and its seed; {@code -DQT_SEED=<seed>} on the Maven command line replays it.
 */
class DuplicationRulePropertiesTest {

    private final DuplicationRule rule = new DuplicationRule();

    @Test
    void theRuleIsSymmetric() {
        properties().forAll(plans(), plans()).checkAssert((a, b) -> {
            Optional<Finding> ab = rule.evaluate(a, b);
            Optional<Finding> ba = rule.evaluate(b, a);

            assertThat(ab.isPresent()).isEqualTo(ba.isPresent());
            ab.ifPresent(found -> {
                assertThat(found.overlapId()).isEqualTo(ba.get().overlapId());
                assertThat(found.sameDetailsAs(ba.get())).isTrue();
            });
        });
    }

    @Test
    void aFindingMeetsEveryConditionOfTheRule() {
        properties().forAll(plans(), plans()).checkAssert((a, b) -> rule.evaluate(a, b).ifPresent(found -> {
            assertThat(a.isActive() && b.isActive()).isTrue();
            assertThat(a.ownerAgency()).isNotEqualTo(b.ownerAgency());
            assertThat(a.partners()).doesNotContain(b.ownerAgency());
            assertThat(b.partners()).doesNotContain(a.ownerAgency());
            assertThat(a.destination()).isEqualTo(b.destination());
            assertThat(a.start()).isBeforeOrEqualTo(b.end());
            assertThat(b.start()).isBeforeOrEqualTo(a.end());
            assertThat(found.capabilities()).isNotEmpty();
            assertThat(a.capabilities()).containsAll(found.capabilities());
            assertThat(b.capabilities()).containsAll(found.capabilities());
        }));
    }

    @Test
    void whenEveryConditionHoldsThereIsAFinding() {
        properties().forAll(plans(), plans()).checkAssert((a, b) -> {
            Set<Capability> shared = EnumSet.copyOf(a.capabilities());
            shared.retainAll(b.capabilities());
            boolean conditions = !a.planId().equals(b.planId()) && a.isActive() && b.isActive() && !a.isPartnerOf(b)
                    && a.isColocatedWith(b) && a.windowOverlaps(b) && !shared.isEmpty();

            assertThat(rule.evaluate(a, b).isPresent()).isEqualTo(conditions);
        });
    }

    @Test
    void severityIsHighExactlyWhenAFunctionIsShared() {
        properties().forAll(plans(), plans()).checkAssert((a, b) -> rule.evaluate(a, b).ifPresent(found -> {
            boolean sharesFunction = found.capabilities().stream()
                    .anyMatch(capability -> capability != Capability.LANDER && capability != Capability.ORBITER);
            assertThat(found.severity()).isEqualTo(sharesFunction ? Severity.HIGH : Severity.LOW);
        }));
    }

    /** A thousand pairs per property, and no fixed seed: each run explores new pairs, a failure's seed replays it. */
    private static QuickTheory properties() {
        return qt().withExamples(1_000);
    }

    private static Gen<PlanSnapshot> plans() {
        List<String> agencies = List.of("NASA", "ESA", "CNSA", "JAXA");
        Gen<Who> who = Generate.pick(List.of("p1", "p2", "p3", "p4", "p5", "p6")).zip(
                Generate.pick(agencies),
                lists().of(Generate.pick(agencies)).ofSizeBetween(0, 2).map(Set::copyOf),
                Generate.pick(List.of(false, false, false, true)),
                Who::new);
        Gen<Where> where = Generate.pick(List.of(Destination.MOON, Destination.MARS)).zip(
                // a plan without a region is colocated with every plan at its destination: keep it frequent
                Generate.pick(List.of("SOUTH_POLE", "FAR_SIDE")).toOptionals(30).map(region -> region.orElse(null)),
                // drawn as a list, so a repeated capability makes the set smaller: still one to three of them
                lists().of(Generate.pick(List.of(Capability.LANDER, Capability.ORBITER, Capability.ROVER,
                        Capability.ISRU, Capability.COMMUNICATIONS_RELAY))).ofSizeBetween(1, 3).map(EnumSet::copyOf),
                Where::new);
        Gen<When> when = integers().between(0, 3650).map(days -> LocalDate.of(2026, 1, 1).plusDays(days)).zip(
                integers().between(0, 1500),
                Generate.enumValues(PlanStatus.class),
                When::new);
        return who.zip(where, when, (w, at, in) -> new PlanSnapshot(w.id(), w.owner(), 1, "plan " + w.id(),
                at.destination(), at.region(), at.capabilities(), in.start(), in.start().plusDays(in.length()),
                in.status(), w.partners(), Set.of(), Set.of(), w.withdrawn()));
    }

    /** QuickTheories zips at most five generators at once; a plan needs ten, so they come in three groups. */
    private record Who(String id, String owner, Set<String> partners, boolean withdrawn) {
    }

    private record Where(Destination destination, String region, Set<Capability> capabilities) {
    }

    private record When(LocalDate start, int length, PlanStatus status) {
    }
}
