package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AgencyFilterTest {

    @Test
    void noFilterMatchesEveryEntryAndEachGivenOneNarrowsIt() {
        assertThat(new AgencyFilter(null, null, null, null).criteria().getCriteriaObject()).isEmpty();
        assertThat(new AgencyFilter("FR", AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, AgencyStatus.INACTIVE)
                .criteria().getCriteriaObject())
                .containsEntry("countries", "FR").containsEntry("kind", AgencyKind.NATIONAL_AGENCY)
                .containsEntry("membership", Membership.MEMBER).containsEntry("status", AgencyStatus.INACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "fr", "FRA", "F", "", "F1"})
    void aCountryThatIsNotAnIsoAlpha2CodeIsRefusedNamingTheParameter(String country) {
        assertThatThrownBy(() -> new AgencyFilter(country, null, null, null))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((HubProblem) e).fieldErrors()).extracting(HubProblem.FieldError::field)
                        .containsExactly("country"));
    }
}
