package org.isecg.gateway.problem;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.stream.Collectors;

import org.isecg.web.problem.Limits;
import org.isecg.web.problem.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

/**
 * A request the gateway answers itself, as a problem detail with its headers ({@code Retry-After},
 * {@code Allow}). Details speak of the request and the Hub's limits, never of what lies behind the
 * gateway (hosts, ports, exception classes). Spring's own {@link ErrorResponseException}, so that
 * the web starter's handler renders it as it is when thrown inside the dispatcher, and
 * {@link org.isecg.web.problem.ProblemResponses} when a filter answers before it.
 */
public final class EdgeProblem extends ErrorResponseException {

    private EdgeProblem(HttpStatus status, String type, String detail) {
        super(status, body(status, type, detail), null);
    }

    private static ProblemDetail body(HttpStatus status, String type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        if (type != null) {
            body.setType(URI.create(type));
        }
        return body;
    }

    /** No route takes the path (the services' own 404s pass through unchanged). */
    public static EdgeProblem notFound() {
        return new EdgeProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                "no API answers at this path; the Hub's APIs are under /api/v1/");
    }

    public static EdgeProblem methodNotAllowed(Collection<HttpMethod> allowed) {
        String names = allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
        EdgeProblem problem = new EdgeProblem(HttpStatus.METHOD_NOT_ALLOWED, null,
                "the gateway does not take this method; it takes " + names);
        problem.getHeaders().setAllow(new LinkedHashSet<>(allowed));
        return problem;
    }

    public static EdgeProblem contentTooLarge(DataSize limit) {
        return new EdgeProblem(HttpStatus.CONTENT_TOO_LARGE, null,
                "the request body is larger than the limit of " + Limits.describe(limit));
    }

    public static EdgeProblem uriTooLong(DataSize limit) {
        return new EdgeProblem(HttpStatus.URI_TOO_LONG, null,
                "the request target (path and query) is longer than the limit of " + limit.toBytes() + " characters");
    }

    public static EdgeProblem headersTooLarge(DataSize limit) {
        return new EdgeProblem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, null,
                "the request's header fields add up to more than the limit of " + Limits.describe(limit));
    }

    /** The firewall's refusal of a path or header no API takes (encoded slashes, "..", control characters). */
    public static EdgeProblem rejected() {
        return new EdgeProblem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST,
                "the request's path or headers hold characters or sequences that the API does not accept");
    }

    public static EdgeProblem originNotAllowed() {
        return new EdgeProblem(HttpStatus.FORBIDDEN, null, "the API does not take cross-origin requests from this origin");
    }

    /** The client's bucket is empty; {@code retryAfter} is the time until its next permit. */
    public static EdgeProblem rateLimited(String policy, Duration retryAfter) {
        long seconds = Waits.wholeSeconds(retryAfter);
        EdgeProblem problem = new EdgeProblem(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "too many requests from this client (" + policy + "); retry after " + seconds + " s");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    public static EdgeProblem serviceUnavailable(String detail, Duration retryAfter) {
        EdgeProblem problem = new EdgeProblem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, detail);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Waits.wholeSeconds(retryAfter)));
        return problem;
    }

    /** This problem, telling the client that the gateway closes the connection after answering. */
    public EdgeProblem closingTheConnection() {
        getHeaders().setConnection("close");
        return this;
    }

    /** These are answers, not failures: a flood of 429s must not pay for a stack trace each. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
