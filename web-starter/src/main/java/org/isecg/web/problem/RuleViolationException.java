package org.isecg.web.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Well-formed input that breaks a domain rule, e.g. a plan whose owner is not a registered
 * agency or whose window ends before it starts.
 */
public class RuleViolationException extends HubProblem {

    public RuleViolationException(String detail, List<FieldError> fieldErrors) {
        super(detail, fieldErrors);
    }

    public RuleViolationException(String field, String message) {
        this(message, List.of(new FieldError(field, message)));
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    protected String slug() {
        return "rule-violation";
    }
}
