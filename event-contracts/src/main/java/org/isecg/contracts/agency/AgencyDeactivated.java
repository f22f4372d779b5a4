package org.isecg.contracts.agency;

import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * The secretariat deactivated an agency: it stays in the register, since plans refer to it, but may
 * be named in no new plan. Topic {@code agencies}; type {@code org.isecg.register.agency.deactivated.v1}.
 * Carries the whole entry after the change, its status {@link AgencyStatus#INACTIVE}.
 *
 * @param reason why, as the secretariat gave it; absent when not given
 */
public record AgencyDeactivated(
        String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, String website, AgencyStatus status,
        String reason) implements AgencyEvent {

    public AgencyDeactivated {
        countries = SortedSets.copyOf(countries);
    }
}
