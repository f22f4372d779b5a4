package org.isecg.web.idempotency;

import java.util.List;

import org.isecg.web.problem.HubProblem;
import org.springframework.http.HttpStatus;

/**
 * A request with the same key is still being processed. Per the draft a {@code 409}: the client
 * needs to change nothing, and retries the same request once the first has been answered, when the
 * retry gets that answer.
 */
public class IdempotencyKeyInFlightException extends HubProblem {

    public IdempotencyKeyInFlightException(IdempotencyKey key) {
        super("a request with " + IdempotencyKey.HEADER + " " + key + " is still being processed: retry it unchanged "
                + "in a moment to get its response", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    protected String slug() {
        return "idempotency-key-in-flight";
    }
}
