package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final StandardRef IDSS_F = new StandardRef("IDSS", "F");

    @Test
    void aPlanOfAnActiveOwnerWithKnownPartnersStandardsAndDependenciesBreaksNoRule() {
        // given
        RoadmapPlan plan = aPlan().partners("NASA").conformsTo(IDSS_F).dependsOn("gateway").build();
        PlanRules.Known known = known().agency("ESA", AgencyStatus.ACTIVE).agency("NASA", AgencyStatus.ACTIVE)
                .revision(IDSS_F).plan("gateway", false).build();

        // when / then
        assertThat(PlanRules.check(plan, known)).isEmpty();
    }

    @Test
    void anOwnerNotInTheRegisterIsNamed() {
        assertThat(PlanRules.check(aPlan().build(), known().build()))
                .extracting(Violation::field).containsExactly("ownerAgency");
    }

    @Test
    void anInactiveOwnerMayOwnNoPlan() {
        assertThat(PlanRules.check(aPlan().build(), known().agency("ESA", AgencyStatus.INACTIVE).build()))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("ownerAgency");
                    assertThat(violation.message()).contains("inactive");
                });
    }

    @Test
    void anInactivePartnerThePlanNamedBeforeIsStillAPartner() {
        // partners are not owners: an agency that went inactive keeps its part in existing cooperation
        RoadmapPlan plan = aPlan().partners("NASA").build();

        assertThat(PlanRules.check(plan, known().agency("ESA", AgencyStatus.ACTIVE)
                .agency("NASA", AgencyStatus.INACTIVE).earlierPartner("NASA").build())).isEmpty();
    }

    @Test
    void anInactiveAgencyNewlyNamedAsPartnerIsNamed() {
        // given: a new plan, or a change that adds the partner
        RoadmapPlan plan = aPlan().partners("NASA", "JAXA").build();

        // when
        List<Violation> violations = PlanRules.check(plan, known().agency("ESA", AgencyStatus.ACTIVE)
                .agency("NASA", AgencyStatus.INACTIVE).agency("JAXA", AgencyStatus.INACTIVE).earlierPartner("JAXA").build());

        // then
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("partners");
            assertThat(violation.message()).isEqualTo("'NASA' is inactive and may not be named as a new partner");
        });
    }

    @Test
    void everyUnknownPartnerAndTheOwnerAsPartnerAreNamed() {
        // given
        RoadmapPlan plan = aPlan().partners("ESA", "NASA", "XSA").build();

        // when
        List<Violation> violations = PlanRules.check(plan, known().agency("ESA", AgencyStatus.ACTIVE).build());

        // then
        assertThat(violations).extracting(Violation::field).containsOnly("partners");
        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "the owner 'ESA' is not its own partner", "'NASA' is not in the agency register",
                "'XSA' is not in the agency register");
    }

    @Test
    void aRevisionThatIsNotPublishedIsNamed() {
        // given
        RoadmapPlan plan = aPlan().conformsTo(IDSS_F, new StandardRef("IDSS", "G")).build();

        // when
        List<Violation> violations = PlanRules.check(plan, known().agency("ESA", AgencyStatus.ACTIVE)
                .revision(IDSS_F).build());

        // then
        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("conformsTo");
            assertThat(violation.message()).startsWith("IDSS:G ");
        });
    }

    @Test
    void dependenciesMustBeOtherPlansStillOnTheRoadmap() {
        // given
        RoadmapPlan plan = aPlan().planId("argonaut").dependsOn("argonaut", "gateway", "viper", "unknown").build();

        // when
        List<Violation> violations = PlanRules.check(plan, known().agency("ESA", AgencyStatus.ACTIVE)
                .plan("argonaut", false).plan("gateway", false).plan("viper", true).build());

        // then
        assertThat(violations).extracting(Violation::field).containsOnly("dependsOn");
        assertThat(violations).extracting(Violation::message).containsExactlyInAnyOrder(
                "a plan cannot depend on itself", "plan 'viper' was withdrawn", "plan 'unknown' does not exist");
    }

    @Test
    void aWindowEndingBeforeItStartsIsNamedAtItsEnd() {
        assertThat(PlanRules.check(aPlan().window("2031-01-02", "2031-01-01").build(), activeOwner()))
                .extracting(Violation::field).containsExactly("end");
    }

    @Test
    void aOneDayWindowIsAWindow() {
        assertThat(PlanRules.check(aPlan().window("2031-01-01", "2031-01-01").build(), activeOwner())).isEmpty();
    }

    @Test
    void windowsLieBetweenSputnikAndTheRoadmapsHorizon() {
        assertThat(PlanRules.check(aPlan().window("1956-12-31", "2030-01-01").build(), activeOwner()))
                .extracting(Violation::field).containsExactly("start");
        assertThat(PlanRules.check(aPlan().window("1957-01-01", "2100-12-31").build(), activeOwner())).isEmpty();
        assertThat(PlanRules.check(aPlan().window("2030-01-01", "2101-01-01").build(), activeOwner()))
                .extracting(Violation::field).containsExactly("end");
    }

    @Test
    void everyBrokenRuleIsReportedNotOnlyTheFirst() {
        // given
        RoadmapPlan plan = aPlan().window("2031-01-02", "2031-01-01").partners("XSA").conformsTo(IDSS_F)
                .dependsOn("unknown").build();

        // when / then
        assertThat(PlanRules.check(plan, known().build())).extracting(Violation::field)
                .containsExactly("end", "ownerAgency", "partners", "conformsTo", "dependsOn");
    }

    private static PlanRules.Known activeOwner() {
        return known().agency("ESA", AgencyStatus.ACTIVE).build();
    }

    private static PlanBuilder aPlan() {
        return new PlanBuilder();
    }

    private static KnownBuilder known() {
        return new KnownBuilder();
    }

    /** ESA's Argonaut lander, changed only where a test says so. */
    private static final class PlanBuilder {

        private String planId = "argonaut";
        private LocalDate start = LocalDate.of(2031, 1, 1);
        private LocalDate end = LocalDate.of(2033, 12, 31);
        private Set<String> partners = Set.of();
        private Set<StandardRef> conformsTo = Set.of();
        private Set<String> dependsOn = Set.of();

        PlanBuilder planId(String planId) {
            this.planId = planId;
            return this;
        }

        PlanBuilder window(String start, String end) {
            this.start = LocalDate.parse(start);
            this.end = LocalDate.parse(end);
            return this;
        }

        PlanBuilder partners(String... partners) {
            this.partners = Set.of(partners);
            return this;
        }

        PlanBuilder conformsTo(StandardRef... refs) {
            this.conformsTo = Set.of(refs);
            return this;
        }

        PlanBuilder dependsOn(String... planIds) {
            this.dependsOn = Set.of(planIds);
            return this;
        }

        RoadmapPlan build() {
            return new RoadmapPlan(planId, "ESA", 1, "Argonaut", Destination.MOON, "SOUTH_POLE",
                    Set.of(Capability.LANDER, Capability.LOGISTICS), start, end, PlanStatus.PLANNED, partners, conformsTo,
                    dependsOn, false);
        }
    }

    /** What the roadmap knows: nothing, unless a test says so. */
    private static final class KnownBuilder {

        private final Map<String, AgencyStatus> agencies = new HashMap<>();
        private final Set<StandardRef> revisions = new HashSet<>();
        private final Map<String, Boolean> plans = new HashMap<>();
        private final Set<String> earlierPartners = new HashSet<>();

        KnownBuilder agency(String code, AgencyStatus status) {
            agencies.put(code, status);
            return this;
        }

        KnownBuilder revision(StandardRef ref) {
            revisions.add(ref);
            return this;
        }

        KnownBuilder plan(String planId, boolean withdrawn) {
            plans.put(planId, withdrawn);
            return this;
        }

        /** The plan as stored named that partner before the change being checked. */
        KnownBuilder earlierPartner(String code) {
            earlierPartners.add(code);
            return this;
        }

        PlanRules.Known build() {
            return new PlanRules.Known(agencies, revisions, plans, earlierPartners);
        }
    }
}
