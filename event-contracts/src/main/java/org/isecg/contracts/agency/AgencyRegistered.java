package org.isecg.contracts.agency;

import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * An agency joined the register. Topic {@code agencies}; type {@code org.isecg.register.agency.registered.v1}.
 *
 * @param code          the agency's short code, e.g. {@code ESA}; the aggregate id
 * @param countries     ISO 3166-1 alpha-2 codes of the countries it represents
 * @param memberSince   the year it joined ISECG; absent for organisations that are not members
 * @param contactEmail  where the secretariat reaches its liaison; absent when not given
 * @param website       its public https site; absent when not given
 */
public record AgencyRegistered(
        String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, String website, AgencyStatus status)
        implements AgencyEvent {

    public AgencyRegistered {
        countries = SortedSets.copyOf(countries);
    }
}
