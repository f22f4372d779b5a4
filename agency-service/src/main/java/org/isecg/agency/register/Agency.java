package org.isecg.agency.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.SortedSets;
import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;

/**
 * An entry of the agency register and its rules. Plain Java: the web and persistence adapters
 * translate to and from it.
 *
 * @param memberSince  the year the agency joined ISECG; required for members, absent otherwise
 * @param website      its public https site, absent when not given
 * @param registeredAt when the register took it in; set by the register, absent before it is stored
 * @param updatedAt    when its entry last changed; set by the register, absent before it is stored
 */
public record Agency(
        String code, long version, String name, Set<String> countries, AgencyKind kind,
        Membership membership, Integer memberSince, String contactEmail, String website, AgencyStatus status,
        Instant registeredAt, Instant updatedAt) {

    /** The year ISECG was founded: no one joined before. */
    static final int FIRST_MEMBER_YEAR = 2007;

    static final Pattern CODE = Pattern.compile(FieldPatterns.AGENCY_CODE);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    public Agency {
        countries = SortedSets.copyOf(countries);
    }

    /** The rules the entry breaks; empty when it is valid. */
    List<Violation> violations(int currentYear) {
        List<Violation> violations = new ArrayList<>();
        if (!CODE.matcher(code).matches()) {
            violations.add(new Violation("code", "must be 2 to 16 upper-case letters, digits or '-', starting with a letter"));
        }
        countries.stream().filter(country -> !ISO_COUNTRIES.contains(country)).forEach(country ->
                violations.add(new Violation("countries", "'" + country + "' is not an ISO 3166-1 alpha-2 country code")));
        if (membership == Membership.MEMBER && memberSince == null) {
            violations.add(new Violation("memberSince", "is required for an ISECG member"));
        }
        if (membership == Membership.NON_MEMBER && memberSince != null) {
            violations.add(new Violation("memberSince", "must be absent for an organisation that is not a member"));
        }
        if (memberSince != null && (memberSince < FIRST_MEMBER_YEAR || memberSince > currentYear)) {
            violations.add(new Violation("memberSince", "must be between " + FIRST_MEMBER_YEAR + " and " + currentYear));
        }
        return violations;
    }

    AgencyRegistered registered() {
        return new AgencyRegistered(code, version, name, countries, kind, membership, memberSince, contactEmail, website,
                status);
    }

    AgencyUpdated updated() {
        return new AgencyUpdated(code, version, name, countries, kind, membership, memberSince, contactEmail, website, status);
    }

    /** The same entry at a new version and status: what a deactivation or a reactivation makes of it. */
    Agency withStatus(AgencyStatus newStatus, long newVersion, Instant at) {
        return new Agency(code, newVersion, name, countries, kind, membership, memberSince, contactEmail, website, newStatus,
                registeredAt, at);
    }

    AgencyDeactivated deactivated(String reason) {
        return new AgencyDeactivated(code, version, name, countries, kind, membership, memberSince, contactEmail, website,
                status, reason);
    }

    AgencyReactivated reactivated(String reason) {
        return new AgencyReactivated(code, version, name, countries, kind, membership, memberSince, contactEmail, website,
                status, reason);
    }
}
