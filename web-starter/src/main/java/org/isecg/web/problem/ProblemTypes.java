package org.isecg.web.problem;

/** Problem {@code type} URIs are relative references under one base, documented in docs/api.md. */
public final class ProblemTypes {

    public static final String BASE = "/problems/";

    public static final String INVALID_REQUEST = BASE + "invalid-request";
    public static final String VALIDATION = BASE + "validation";
    public static final String INTERNAL_ERROR = BASE + "internal-error";
    public static final String NOT_FOUND = BASE + "not-found";
    /** A request under {@code /api/} without a bearer token: 401, with {@code WWW-Authenticate: Bearer}. */
    public static final String TOKEN_REQUIRED = BASE + "token-required";
    /** A bearer token that is malformed, expired, not yet valid, not signed by the issuer, or not for the Hub: 401. */
    public static final String INVALID_TOKEN = BASE + "invalid-token";
    /** A valid token without the scope (or agency) the request needs: 403, naming the scope. */
    public static final String INSUFFICIENT_SCOPE = BASE + "insufficient-scope";
    /** An agency's valid token asking to change a record another agency owns: 403. */
    public static final String NOT_OWNER = BASE + "not-owner";
    /** A request body with fields the request does not have or the server owns: 400 naming them all. */
    public static final String REFUSED_FIELDS = BASE + "refused-fields";
    /** The gateway's per-client rate limit: 429, with Retry-After. */
    public static final String RATE_LIMITED = BASE + "rate-limited";
    /** The gateway could not get an answer from the service behind a route: 503, with Retry-After. */
    public static final String SERVICE_UNAVAILABLE = BASE + "service-unavailable";

    private ProblemTypes() {
    }
}
