package org.isecg.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** An agency's own read: hub.read and an agency claim, both; the 403 names the scope and the claim. */
class AgencyReadRequirementTest {

    private final Requirement agencyRead = Requirement.agencyRead();

    @Test
    void anAgencysReaderMeetsIt() {
        assertThat(agencyRead.isMetBy(new Caller(Optional.of("ESA"), "ESA", Set.of(HubScopes.READ)))).isTrue();
        assertThat(agencyRead.isMetBy(new Caller(Optional.of("ESA"), "ESA", Set.of(HubScopes.READ, HubScopes.WRITE)))).isTrue();
    }

    @Test
    void aTokenWithoutAnAgencyDoesNotWhateverItsScopes() {
        for (Set<String> scopes : Set.of(Set.of(HubScopes.READ, HubScopes.SECRETARIAT, HubScopes.IMPORT),
                Set.of(HubScopes.READ, HubScopes.STANDARDS), Set.of(HubScopes.READ, HubScopes.OPERATOR), HubScopes.ALL)) {
            assertThat(agencyRead.isMetBy(new Caller(Optional.empty(), "secretariat", scopes))).as("%s", scopes).isFalse();
        }
    }

    @Test
    void anAgencyWithoutHubReadDoesNot() {
        assertThat(agencyRead.isMetBy(new Caller(Optional.of("ESA"), "ESA", Set.of(HubScopes.WRITE)))).isFalse();
    }

    @Test
    void itsRefusalNamesTheScopeAndTheClaim() {
        assertThat(agencyRead.scopes()).containsExactly(HubScopes.READ);
        assertThat(agencyRead.describe()).contains(HubScopes.READ, HubScopes.AGENCY_CLAIM);
    }
}
