package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgencyTest {

    private static final int THIS_YEAR = 2026;

    @Test
    void aMemberWithAnIsoCountryAndAPlausibleYearBreaksNoRule() {
        // given
        Agency esa = anAgency().build();

        // when / then
        assertThat(esa.violations(THIS_YEAR)).isEmpty();
    }

    @Test
    void aDeactivationKeepsTheEntryAndItsRegistrationAndItsEventCarriesAllOfItAtTheNewVersion() {
        // given
        Instant registered = Instant.parse("2025-01-01T00:00:00Z");
        Instant now = Instant.parse("2026-03-14T09:30:12.345Z");
        Agency built = anAgency().build();
        Agency esa = new Agency(built.code(), 1, built.name(), built.countries(), built.kind(), built.membership(),
                built.memberSince(), built.contactEmail(), built.website(), AgencyStatus.ACTIVE, registered, registered);

        // when
        Agency inactive = esa.withStatus(AgencyStatus.INACTIVE, 2, now);
        AgencyDeactivated event = inactive.deactivated("liaison post vacant");

        // then
        assertThat(inactive).usingRecursiveComparison().ignoringFields("version", "status", "updatedAt").isEqualTo(esa);
        assertThat(inactive.registeredAt()).isEqualTo(registered);
        assertThat(inactive.updatedAt()).isEqualTo(now);
        assertThat(event).isEqualTo(new AgencyDeactivated("ESA", 2, "European Space Agency", Set.of("FR", "DE", "IT"),
                AgencyKind.INTERGOVERNMENTAL_ORGANISATION, Membership.MEMBER, 2007, "isecg@esa.example.org",
                "https://www.esa.int", AgencyStatus.INACTIVE, "liaison post vacant"));
        assertThat(inactive.withStatus(AgencyStatus.ACTIVE, 3, now).reactivated(null).status()).isEqualTo(AgencyStatus.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"esa", "E", "1ESA", "ESA_EU", "ABCDEFGHIJKLMNOPQ"})
    void aCodeThatIsNotTwoToSixteenUpperCaseLettersDigitsOrDashesStartingWithALetterIsRefused(String code) {
        // given
        Agency agency = anAgency().code(code).build();

        // when / then
        assertThat(agency.violations(THIS_YEAR)).extracting(Violation::field).containsExactly("code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UAESA", "KARI", "ROSCOSMOS", "CNES-2", "AB"})
    void codesOfTheRegistersShapeAreAccepted(String code) {
        assertThat(anAgency().code(code).build().violations(THIS_YEAR)).isEmpty();
    }

    @Test
    void everyCountryThatIsNotAnIsoCodeIsNamed() {
        // given
        Agency agency = anAgency().countries("FR", "XX", "ZZ").build();

        // when / then
        assertThat(agency.violations(THIS_YEAR))
                .extracting(Violation::field, Violation::message)
                .containsExactly(
                        Tuple.tuple("countries", "'XX' is not an ISO 3166-1 alpha-2 country code"),
                        Tuple.tuple("countries", "'ZZ' is not an ISO 3166-1 alpha-2 country code"));
    }

    @Test
    void aMemberNeedsTheYearItJoined() {
        assertThat(anAgency().memberSince(null).build().violations(THIS_YEAR))
                .extracting(Violation::field).containsExactly("memberSince");
    }

    @Test
    void anOrganisationThatIsNotAMemberHasNoMembershipYear() {
        // given
        Agency nonMember = anAgency().nonMember().memberSince(2019).build();

        // when / then
        assertThat(nonMember.violations(THIS_YEAR)).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("memberSince");
                    assertThat(violation.message()).contains("absent");
                });
        assertThat(anAgency().nonMember().memberSince(null).build().violations(THIS_YEAR)).isEmpty();
    }

    @Test
    void theMembershipYearLiesBetweenIsecgsFoundingAndThisYear() {
        assertThat(anAgency().memberSince(2006).build().violations(THIS_YEAR))
                .extracting(Violation::field).containsExactly("memberSince");
        assertThat(anAgency().memberSince(2007).build().violations(THIS_YEAR)).isEmpty();
        assertThat(anAgency().memberSince(THIS_YEAR).build().violations(THIS_YEAR)).isEmpty();
        assertThat(anAgency().memberSince(THIS_YEAR + 1).build().violations(THIS_YEAR))
                .extracting(Violation::message).containsExactly("must be between 2007 and " + THIS_YEAR);
    }

    @Test
    void everyBrokenRuleIsReportedNotOnlyTheFirst() {
        // given
        Agency agency = anAgency().code("nasa").countries("XX").memberSince(1990).build();

        // when / then
        assertThat(agency.violations(THIS_YEAR)).extracting(Violation::field)
                .containsExactly("code", "countries", "memberSince");
    }

    @Test
    void theEventsCarryTheWholeEntryAtItsVersion() {
        // given
        Agency agency = anAgency().build();

        // when / then
        assertThat(agency.registered().version()).isEqualTo(agency.version());
        assertThat(agency.registered().countries()).isEqualTo(agency.countries());
        assertThat(agency.updated().status()).isEqualTo(agency.status());
        assertThat(agency.updated().memberSince()).isEqualTo(agency.memberSince());
    }

    private static AgencyBuilder anAgency() {
        return new AgencyBuilder();
    }

    /** ESA as the register holds it, changed only where a test says so. */
    private static final class AgencyBuilder {

        private String code = "ESA";
        private Set<String> countries = Set.of("FR", "DE", "IT");
        private Membership membership = Membership.MEMBER;
        private Integer memberSince = 2007;

        AgencyBuilder code(String code) {
            this.code = code;
            return this;
        }

        AgencyBuilder countries(String... countries) {
            this.countries = Set.of(countries);
            return this;
        }

        AgencyBuilder nonMember() {
            this.membership = Membership.NON_MEMBER;
            return this;
        }

        AgencyBuilder memberSince(Integer memberSince) {
            this.memberSince = memberSince;
            return this;
        }

        Agency build() {
            return new Agency(code, 1, "European Space Agency", countries, AgencyKind.INTERGOVERNMENTAL_ORGANISATION,
                    membership, memberSince, "isecg@esa.example.org", "https://www.esa.int", AgencyStatus.ACTIVE, null, null);
        }
    }
}
