package org.isecg.contracts.agency;

import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * The secretariat reactivated an agency it had deactivated: it may be named in new plans again. Topic
 * {@code agencies}; type {@code org.isecg.register.agency.reactivated.v1}. Carries the whole entry
 * after the change, its status {@link AgencyStatus#ACTIVE}.
 *
 * @param reason why, as the secretariat gave it; absent when not given
 */
public record AgencyReactivated(
        String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, String website, AgencyStatus status,
        String reason) implements AgencyEvent {

    public AgencyReactivated {
        countries = SortedSets.copyOf(countries);
    }
}
