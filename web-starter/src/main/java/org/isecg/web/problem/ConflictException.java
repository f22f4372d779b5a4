package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The request conflicts with the current state, e.g. a code that is already registered. */
public class ConflictException extends HubProblem {

    public ConflictException(String detail) {
        super(detail, List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    protected String slug() {
        return "conflict";
    }
}
