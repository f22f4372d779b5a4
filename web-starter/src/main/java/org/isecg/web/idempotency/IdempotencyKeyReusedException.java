package org.isecg.web.idempotency;

import java.util.List;

import org.isecg.web.problem.HubProblem;
import org.springframework.http.HttpStatus;

/**
 * The key was already used for a request that asked for something else. Per the draft a
 * {@code 422}: the client has to correct its request (send the first one again to learn its
 * outcome, or use a new key for a new request); nothing was created.
 */
public class IdempotencyKeyReusedException extends HubProblem {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super(IdempotencyKey.HEADER + " " + key + " was already used for another request: a retry must repeat "
                + "that request exactly, a new request needs a new key", List.of(new FieldError(IdempotencyKey.HEADER,
                "was used for another request")));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    protected String slug() {
        return "idempotency-key-reused";
    }
}
