package org.isecg.web.security;

import java.util.Set;

/**
 * The OAuth 2.0 scopes of the Hub's access tokens and the claim that names a caller's agency: the one
 * list that the token issuer grants from and every service checks against (docs/security.md).
 *
 * <p>A token's {@code scope} claim is a space-separated list of these names (RFC 9068, section 2.2.3).
 */
public final class HubScopes {

    /** Reads of the shared picture (plans, standards, the agency register, overlaps): any member. */
    public static final String READ = "hub.read";

    /** Writes of the caller's own agency's plans, subscriptions and acknowledgements; needs {@link #AGENCY_CLAIM}. */
    public static final String WRITE = "hub.write";

    /** Manages the agency register: registering and changing agencies. */
    public static final String SECRETARIAT = "hub.secretariat";

    /** Publishes and revises interface standards. */
    public static final String STANDARDS = "hub.standards";

    /** Loads records on behalf of their owners (the secretariat importing an agency's plans). */
    public static final String IMPORT = "hub.import";

    /** Operates the platform across agencies: dead-letter replay, projection rebuild, redelivery. */
    public static final String OPERATOR = "hub.operator";

    /** Every scope above. */
    public static final Set<String> ALL = Set.of(READ, WRITE, SECRETARIAT, STANDARDS, IMPORT, OPERATOR);

    /**
     * The claim that carries the agency code (e.g. {@code NASA}) of an agency's client; absent from the
     * tokens of clients that act for no single agency (secretariat, standards board, operator).
     */
    public static final String AGENCY_CLAIM = "agency";

    private HubScopes() {
    }
}
