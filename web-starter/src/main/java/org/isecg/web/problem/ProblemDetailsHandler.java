package org.isecg.web.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Renders every failure a client can cause as an RFC 9457 problem detail: Spring's own web
 * exceptions (with field-level errors for validation and unreadable bodies) and the services'
 * {@link HubProblem}s.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @ExceptionHandler(HubProblem.class)
    Mono<ResponseEntity<ProblemDetail>> handleHubProblem(HubProblem problem) {
        return Mono.just(respond(problem));
    }

    /** The response for a problem, for other advice that turns its own exceptions into {@link HubProblem}s. */
    public static ResponseEntity<ProblemDetail> respond(HubProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        if (!problem.fieldErrors().isEmpty()) {
            body.setProperty("errors", problem.fieldErrors());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<HubProblem.FieldError> errors = new ArrayList<>();
        for (FieldError error : ex.getFieldErrors()) {
            errors.add(new HubProblem.FieldError(error.getField(), error.getDefaultMessage()));
        }
        ex.getGlobalErrors().forEach(error -> errors.add(new HubProblem.FieldError(error.getObjectName(), error.getDefaultMessage())));
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the request has invalid fields: " + errors.stream().map(HubProblem.FieldError::field)
                        .distinct().sorted().collect(Collectors.joining(", ")));
        body.setType(URI.create(ProblemTypes.VALIDATION));
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /**
     * An unreadable body: say which field could not be read and why, without echoing parser
     * internals such as class names.
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setType(URI.create(ProblemTypes.INVALID_REQUEST));
        DatabindException databind = findCause(ex, DatabindException.class);
        TypeMismatchException mismatch = findCause(ex, TypeMismatchException.class);
        if (databind != null) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = describe(databind);
            body.setDetail(field.isEmpty() ? message : "field '" + field + "': " + message);
            if (!field.isEmpty()) {
                body.setProperty("errors", List.of(new HubProblem.FieldError(field, message)));
            }
        } else if (mismatch != null && ex.getMethodParameter() != null
                && ex.getMethodParameter().getParameterName() != null) {
            String parameter = ex.getMethodParameter().getParameterName();
            String message = describe(mismatch.getValue(), mismatch.getRequiredType());
            body.setDetail("parameter '" + parameter + "': " + message);
            body.setProperty("errors", List.of(new HubProblem.FieldError(parameter, message)));
        } else {
            body.setDetail(ex.getReason() != null ? ex.getReason() : "the request could not be read");
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    private static String describe(DatabindException e) {
        if (e instanceof InvalidFormatException invalid) {
            return describe(invalid.getValue(), invalid.getTargetType());
        }
        return e.getOriginalMessage();
    }

    private static String describe(Object value, Class<?> target) {
        if (target != null && target.isEnum()) {
            return "'" + value + "' is not one of " + List.of(target.getEnumConstants());
        }
        return "'" + value + "' is not a valid " + (target == null ? "value" : target.getSimpleName());
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
