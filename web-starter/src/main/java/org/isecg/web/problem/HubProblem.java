package org.isecg.web.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on, rendered as a problem detail with the given status, a stable
 * {@code type} URI per kind of problem and, where input was at fault, the fields concerned.
 */
public abstract class HubProblem extends RuntimeException {

    private final List<FieldError> fieldErrors;

    protected HubProblem(String detail, List<FieldError> fieldErrors) {
        super(detail);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public abstract HttpStatus status();

    /** A short slug naming the kind of problem, e.g. {@code not-found}; the {@code type} URI ends in it. */
    protected abstract String slug();

    public URI type() {
        return URI.create(ProblemTypes.BASE + slug());
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** Members the problem detail carries beside the standard ones and {@code errors}; none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }

    /** One field whose value was refused, and why, in words a client developer can act on. */
    public record FieldError(String field, String message) {
    }
}
