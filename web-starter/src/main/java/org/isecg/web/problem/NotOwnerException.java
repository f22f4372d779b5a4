package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A valid token of an agency that asks to change a record another agency owns: 403 (OWASP API1,
 * broken object-level authorisation). The record is readable by every member, so naming its owner
 * discloses nothing; records that only their owner may read answer 404 instead, as if absent.
 */
public class NotOwnerException extends HubProblem {

    public NotOwnerException(String kind, String id, String owner) {
        super(kind + " '" + id + "' is owned by " + owner + "; only its owner changes it", List.of());
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    protected String slug() {
        return "not-owner";
    }
}
