package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The resource does not exist (or the caller may not know that it does). */
public class NotFoundException extends HubProblem {

    public NotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    protected String slug() {
        return "not-found";
    }
}
