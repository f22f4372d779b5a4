package org.isecg.notification.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The rule's invariants over arbitrary pairs of plans drawn from a small world, so that many pairs collide. */
class DuplicationRulePropertiesTest {

    private final DuplicationRule rule = new DuplicationRule();

    @Property
    void theRuleIsSymmetric(@ForAll("plans") PlanSnapshot a, @ForAll("plans") PlanSnapshot b) {
        Optional<Finding> ab = rule.evaluate(a, b);
        Optional<Finding> ba = rule.evaluate(b, a);

        assertThat(ab.isPresent()).isEqualTo(ba.isPresent());
        ab.ifPresent(found -> {
            assertThat(found.overlapId()).isEqualTo(ba.get().overlapId());
            assertThat(found.sameDetailsAs(ba.get())).isTrue();
        });
    }

    @Property
    void aFindingMeetsEveryConditionOfTheRule(@ForAll("plans") PlanSnapshot a, @ForAll("plans") PlanSnapshot b) {
        rule.evaluate(a, b).ifPresent(found -> {
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
        });
    }

    @Property
    void whenEveryConditionHoldsThereIsAFinding(@ForAll("plans") PlanSnapshot a, @ForAll("plans") PlanSnapshot b) {
        Set<Capability> shared = EnumSet.copyOf(a.capabilities());
        shared.retainAll(b.capabilities());
        boolean conditions = !a.planId().equals(b.planId()) && a.isActive() && b.isActive() && !a.isPartnerOf(b)
                && a.isColocatedWith(b) && a.windowOverlaps(b) && !shared.isEmpty();

        assertThat(rule.evaluate(a, b).isPresent()).isEqualTo(conditions);
    }

    @Property
    void severityIsHighExactlyWhenAFunctionIsShared(@ForAll("plans") PlanSnapshot a, @ForAll("plans") PlanSnapshot b) {
        rule.evaluate(a, b).ifPresent(found -> {
            boolean sharesFunction = found.capabilities().stream()
                    .anyMatch(capability -> capability != Capability.LANDER && capability != Capability.ORBITER);
            assertThat(found.severity()).isEqualTo(sharesFunction ? Severity.HIGH : Severity.LOW);
        });
    }

    @Provide
    Arbitrary<PlanSnapshot> plans() {
        Arbitrary<String> ids = Arbitraries.of("p1", "p2", "p3", "p4", "p5", "p6");
        Arbitrary<String> owners = Arbitraries.of("NASA", "ESA", "CNSA", "JAXA");
        Arbitrary<String> regions = Arbitraries.of("SOUTH_POLE", "FAR_SIDE").injectNull(0.3);
        Arbitrary<Destination> destinations = Arbitraries.of(Destination.MOON, Destination.MARS);
        Arbitrary<Set<Capability>> capabilities = Arbitraries.of(Capability.LANDER, Capability.ORBITER,
                Capability.ROVER, Capability.ISRU, Capability.COMMUNICATIONS_RELAY).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 3650)
                .map(days -> LocalDate.of(2026, 1, 1).plusDays(days));
        Arbitrary<Integer> lengths = Arbitraries.integers().between(0, 1500);
        Arbitrary<PlanStatus> statuses = Arbitraries.of(PlanStatus.class);
        Arbitrary<Set<String>> partners = Arbitraries.of("NASA", "ESA", "CNSA", "JAXA").set().ofMaxSize(2);
        Arbitrary<Boolean> withdrawn = Arbitraries.of(false, false, false, true);
        return Combinators.combine(ids, owners, destinations, regions, capabilities, starts, lengths, statuses)
                .flatAs((id, owner, destination, region, caps, start, length, status) ->
                        Combinators.combine(partners, withdrawn).as((partnerSet, isWithdrawn) ->
                                new PlanSnapshot(id, owner, 1, "plan " + id, destination, region, caps, start,
                                        start.plusDays(length), status, partnerSet, Set.of(), Set.of(), isWithdrawn)));
    }
}
