package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** A request that cannot be understood as sent, e.g. a malformed header or query parameter. */
public class InvalidRequestException extends HubProblem {

    public InvalidRequestException(String field, String message) {
        super(message, List.of(new FieldError(field, message)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    protected String slug() {
        return "invalid-request";
    }
}
