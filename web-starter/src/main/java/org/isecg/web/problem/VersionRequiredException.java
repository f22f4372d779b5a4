package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A change without {@code If-Match}: refused, because two agency systems writing blind would
 * silently overwrite each other.
 */
public class VersionRequiredException extends HubProblem {

    public VersionRequiredException(String kind) {
        super("changing a " + kind + " needs an If-Match header with the version read (its ETag)", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PRECONDITION_REQUIRED;
    }

    @Override
    protected String slug() {
        return "version-required";
    }
}
