package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The client's {@code If-Match} names a version that is no longer current: someone else changed
 * the resource since the client read it. The client reads it again and reapplies its change.
 */
public class VersionMismatchException extends HubProblem {

    public VersionMismatchException(String kind, String id, long expected, long current) {
        super(kind + " '" + id + "' is at version " + current + ", not " + expected
                + ": read it again and reapply the change", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PRECONDITION_FAILED;
    }

    @Override
    protected String slug() {
        return "version-mismatch";
    }
}
