package org.isecg.web.problem;

import java.util.List;

import org.isecg.web.resource.IfMatch;
import org.springframework.http.HttpStatus;

/**
 * The client's {@code If-Match} matches no current version: someone else changed the resource since
 * the client read it, or the client sent a tag that can never match (a weak one). The client reads
 * it again and reapplies its change.
 */
public class VersionMismatchException extends HubProblem {

    public VersionMismatchException(String kind, String id, IfMatch expected, long current) {
        super(expected.mismatch(kind, id, current), List.of());
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
