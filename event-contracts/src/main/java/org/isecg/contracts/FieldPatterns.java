package org.isecg.contracts;

/**
 * The formats of the identifiers and values events carry, as regular expressions valid in both
 * Java and JSON Schema. The schemas spell the same patterns (a test holds them equal), and the
 * services validate their API input with these constants, so whatever a service accepts is a valid
 * event field.
 */
public final class FieldPatterns {

    /** An agency code, e.g. {@code ESA}, {@code UAESA}. */
    public static final String AGENCY_CODE = "^[A-Z][A-Z0-9-]{1,15}$";

    /** An ISO 3166-1 alpha-2 country code, e.g. {@code FR}. */
    public static final String COUNTRY_CODE = "^[A-Z]{2}$";

    /** A region of a destination, e.g. {@code SOUTH_POLE}, {@code NRHO}. */
    public static final String REGION = "^[A-Z0-9_]{2,40}$";

    /** A standard code, e.g. {@code IDSS}, {@code CCSDS-211}. */
    public static final String STANDARD_CODE = "^[A-Z][A-Z0-9-]{1,31}$";

    /**
     * A revision's label from v2 on, e.g. {@code F}, {@code Baseline}, {@code V001-draft}, {@code 211.0-B}:
     * it is a path segment of the API ({@code /standards/IDSS/revisions/F/baseline}), so it takes no
     * spaces or slashes.
     */
    public static final String REVISION_LABEL = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";

    /**
     * A key parameter's name, e.g. {@code bus_voltage}; the same rule as the names of v1's parameter map,
     * whose names became field names of stored documents.
     */
    public static final String PARAMETER_NAME = "^[A-Za-z][A-Za-z0-9_-]{0,63}$";

    /** When a revision was published, as precisely as known: {@code 2022}, {@code 2022-07} or {@code 2022-07-15}. */
    public static final String PUBLISHED = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

    /** An e-mail address. */
    public static final String EMAIL = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$";

    /**
     * A public web site: an absolute {@code https} URL with a host and no spaces or user info. Browsers
     * and the register's readers follow it, so plain {@code http} and other schemes are not taken.
     */
    public static final String WEBSITE = "^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s]*)?$";

    private FieldPatterns() {
    }
}
