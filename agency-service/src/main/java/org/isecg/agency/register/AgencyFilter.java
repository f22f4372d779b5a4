package org.isecg.agency.register;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.web.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What a listing of the register is narrowed to; each part absent when not asked for, all present
 * parts combined. A country matches the agencies that count it among their countries.
 */
record AgencyFilter(String country, AgencyKind kind, Membership membership, AgencyStatus status) {

    private static final Pattern COUNTRY = Pattern.compile(FieldPatterns.COUNTRY_CODE);
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Refuses a country that is not an ISO 3166-1 alpha-2 code, naming the parameter: it could match nothing. */
    AgencyFilter {
        if (country != null && !(COUNTRY.matcher(country).matches() && ISO_COUNTRIES.contains(country))) {
            // not echoed: the value is the client's, of any length
            throw new InvalidRequestException("country", "must be an ISO 3166-1 alpha-2 country code, e.g. FR");
        }
    }

    Criteria criteria() {
        Criteria criteria = new Criteria();
        if (country != null) {
            // an array field matches when any element equals the value
            criteria.and("countries").is(country);
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (membership != null) {
            criteria.and("membership").is(membership);
        }
        if (status != null) {
            criteria.and("status").is(status);
        }
        return criteria;
    }
}
