package org.isecg.contracts.agency;

import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * An agency's register entry changed, including its status. Topic {@code agencies}; type
 * {@code org.isecg.register.agency.updated.v1}. Carries the whole entry after the change.
 */
public record AgencyUpdated(
        String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, AgencyStatus status) implements AgencyEvent {

    public AgencyUpdated {
        countries = SortedSets.copyOf(countries);
    }
}
