package org.isecg.notification.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.detection.PlanSnapshots.aPlan;

import java.util.Optional;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DuplicationRuleTest {

    private final DuplicationRule rule = new DuplicationRule();

    @Test
    void twoAgenciesPlanningTheSameFunctionAtTheSamePlaceAndTimeDuplicateEffortHighly() {
        PlanSnapshot nasa = aPlan("p-nasa", "NASA").capabilities(Capability.ROVER, Capability.ISRU).build();
        PlanSnapshot cnsa = aPlan("p-cnsa", "CNSA").capabilities(Capability.ROVER, Capability.LANDER)
                .window("2029-06-01", "2031-12-31").build();

        Optional<Finding> finding = rule.evaluate(nasa, cnsa);

        assertThat(finding).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo(OverlapKind.DUPLICATION);
            assertThat(found.severity()).isEqualTo(Severity.HIGH);
            assertThat(found.capabilities()).containsExactly(Capability.ROVER);
            assertThat(found.agencies()).containsExactly("CNSA", "NASA");
            assertThat(found.planIds()).containsExactly("p-cnsa", "p-nasa");
            assertThat(found.region()).isEqualTo("SOUTH_POLE");
            assertThat(found.basis()).containsEntry("p-nasa", 1L).containsEntry("p-cnsa", 1L);
        });
    }

    @Test
    void sharingOnlyTheVehicleIsALowSeverityDuplication() {
        PlanSnapshot a = aPlan("a", "ISRO").capabilities(Capability.LANDER, Capability.SAMPLE_RETURN).build();
        PlanSnapshot b = aPlan("b", "ROSCOSMOS").capabilities(Capability.LANDER, Capability.ISRU).build();

        assertThat(rule.evaluate(a, b)).hasValueSatisfying(found -> {
            assertThat(found.severity()).isEqualTo(Severity.LOW);
            assertThat(found.capabilities()).containsExactly(Capability.LANDER);
        });
    }

    @Test
    void partnersDoNotDuplicateEachOther() {
        PlanSnapshot jaxa = aPlan("a", "JAXA").partners("NASA").build();
        PlanSnapshot nasa = aPlan("b", "NASA").build();

        assertThat(rule.evaluate(jaxa, nasa)).isEmpty();
        assertThat(rule.evaluate(nasa, jaxa)).isEmpty();
    }

    @Test
    void anAgencyDoesNotDuplicateItself() {
        assertThat(rule.evaluate(aPlan("a", "ESA").build(), aPlan("b", "ESA").build())).isEmpty();
    }

    @Test
    void differentRegionsOfTheSameBodyAreNotColocated() {
        PlanSnapshot southPole = aPlan("a", "NASA").build();
        PlanSnapshot farSide = aPlan("b", "CNSA").at(Destination.MOON, "FAR_SIDE").build();

        assertThat(rule.evaluate(southPole, farSide)).isEmpty();
    }

    @Test
    void aPlanWithoutRegionIsColocatedWithAnyRegionOfItsDestinationAndTheOverlapNamesNoRegion() {
        PlanSnapshot southPole = aPlan("a", "NASA").build();
        PlanSnapshot wholeMoon = aPlan("b", "CMSA").at(Destination.MOON, null).build();

        assertThat(rule.evaluate(southPole, wholeMoon)).hasValueSatisfying(found -> assertThat(found.region()).isNull());
    }

    @Test
    void differentDestinationsNeverDuplicate() {
        PlanSnapshot moon = aPlan("a", "NASA").at(Destination.MOON, null).build();
        PlanSnapshot mars = aPlan("b", "CNSA").at(Destination.MARS, null).build();

        assertThat(rule.evaluate(moon, mars)).isEmpty();
    }

    @Test
    void windowsThatShareOneDayOverlapBecauseBothEndsAreInclusive() {
        PlanSnapshot a = aPlan("a", "NASA").window("2028-01-01", "2028-06-30").build();
        PlanSnapshot b = aPlan("b", "ESA").window("2028-06-30", "2029-01-01").build();

        assertThat(rule.evaluate(a, b)).isPresent();
    }

    @Test
    void windowsThatFollowEachOtherDoNotOverlap() {
        PlanSnapshot a = aPlan("a", "NASA").window("2028-01-01", "2028-06-30").build();
        PlanSnapshot b = aPlan("b", "ESA").window("2028-07-01", "2029-01-01").build();

        assertThat(rule.evaluate(a, b)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PlanStatus.class, names = {"CANCELLED", "COMPLETED"})
    void plansThatAreOverDuplicateNothing(PlanStatus over) {
        PlanSnapshot a = aPlan("a", "NASA").status(over).build();
        PlanSnapshot b = aPlan("b", "ESA").build();

        assertThat(rule.evaluate(a, b)).isEmpty();
        assertThat(rule.evaluate(b, a)).isEmpty();
    }

    @Test
    void aWithdrawnPlanDuplicatesNothing() {
        assertThat(rule.evaluate(aPlan("a", "NASA").withdrawn().build(), aPlan("b", "ESA").build())).isEmpty();
    }

    @Test
    void plansWithoutACommonCapabilityDoNotDuplicate() {
        PlanSnapshot relay = aPlan("a", "ESA").capabilities(Capability.COMMUNICATIONS_RELAY).build();
        PlanSnapshot rover = aPlan("b", "NASA").capabilities(Capability.ROVER).build();

        assertThat(rule.evaluate(relay, rover)).isEmpty();
    }

    @Test
    void theSummaryNamesBothPlansTheSharedCapabilitiesAndThePlace() {
        PlanSnapshot a = aPlan("a", "NASA").title("VIPER").build();
        PlanSnapshot b = aPlan("b", "CNSA").title("Chang'e 7").build();

        assertThat(rule.evaluate(a, b).orElseThrow().summary())
                .isEqualTo("NASA 'VIPER' and CNSA 'Chang'e 7' both plan ROVER at MOON SOUTH_POLE in overlapping windows");
    }
}
