package org.isecg.web.problem;

/** Problem {@code type} URIs are relative references under one base, documented in docs/api.md. */
public final class ProblemTypes {

    public static final String BASE = "/problems/";

    public static final String INVALID_REQUEST = BASE + "invalid-request";
    public static final String VALIDATION = BASE + "validation";
    public static final String INTERNAL_ERROR = BASE + "internal-error";

    private ProblemTypes() {
    }
}
