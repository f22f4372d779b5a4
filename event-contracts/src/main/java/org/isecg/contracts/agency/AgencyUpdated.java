package org.isecg.contracts.agency;

import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * An agency's register entry changed. Topic {@code agencies}; type
 * {@code org.isecg.register.agency.updated.v1}. Carries the whole entry after the change. Its status
 * changes only by {@link AgencyDeactivated} and {@link AgencyReactivated}; an update carries it as it is.
 */
public record AgencyUpdated(
        String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, String website, AgencyStatus status)
        implements AgencyEvent {

    public AgencyUpdated {
        countries = SortedSets.copyOf(countries);
    }
}
