package org.isecg.web.problem;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.isecg.web.tracing.TraceIdResponseHeader;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
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
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Renders every failure as an RFC 9457 problem detail: Spring's own web exceptions (with
 * field-level errors for validation and unreadable bodies), the services' {@link HubProblem}s, and
 * anything else as a 500 that says nothing of the failure but the correlation id to quote, while the
 * log gets the whole stack trace. No detail names a Java type or echoes an exception's message.
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final DataSize maxBodySize;

    /** @param maxBodySize the largest body the service reads ({@code spring.http.codecs.max-in-memory-size}), for the 413 */
    public ProblemDetailsHandler(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    @ExceptionHandler(HubProblem.class)
    Mono<ResponseEntity<ProblemDetail>> handleHubProblem(HubProblem problem) {
        return Mono.just(respond(problem));
    }

    /**
     * What no other handler maps: a fault of the service, not of the request. Other advice that maps
     * its own exceptions must be ordered ahead of this class (see {@code AggregateProblems}).
     */
    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<ProblemDetail>> handleUnexpected(Exception e, ServerWebExchange exchange) {
        logFailure(e, exchange);
        return Mono.just(ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(internalError(HttpStatus.INTERNAL_SERVER_ERROR, exchange)));
    }

    /** The response for a problem, for other advice that turns its own exceptions into {@link HubProblem}s. */
    public static ResponseEntity<ProblemDetail> respond(HubProblem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        body.setType(problem.type());
        if (!problem.fieldErrors().isEmpty()) {
            body.setProperty("errors", problem.fieldErrors());
        }
        problem.properties().forEach(body::setProperty);
        return ResponseEntity.status(problem.status()).body(body);
    }

    /** Spring's own 5xx (a handler it could not invoke, a return value it could not validate) say nothing either. */
    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (status.is5xxServerError()) {
            logFailure(ex, exchange);
            return super.handleExceptionInternal(ex, internalError(status, exchange), headers, status, exchange);
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    /** A body over the limit: Spring's 413 says nothing of the limit, this one names it as the gateway does. */
    @Override
    protected Mono<ResponseEntity<Object>> handleResponseStatusException(
            ResponseStatusException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (ex instanceof ContentTooLargeException) {
            ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "the request body is larger than the limit of " + Limits.describe(maxBodySize));
            return handleExceptionInternal(ex, body, headers, HttpStatus.CONTENT_TOO_LARGE, exchange);
        }
        return super.handleResponseStatusException(ex, headers, status, exchange);
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
     * An unreadable body or a parameter of the wrong type: say which field and what JSON (or value)
     * it takes, in the client's terms ({@link UnreadableBody}, {@link ClientTerms}).
     */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(
            ServerWebInputException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        RefusedFieldsException refused = findCause(ex, RefusedFieldsException.class);
        if (refused != null) {
            return handleExceptionInternal(ex, respond(refused).getBody(), headers, HttpStatus.BAD_REQUEST, exchange);
        }
        ProblemDetail body = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        body.setType(URI.create(ProblemTypes.INVALID_REQUEST));
        JacksonException jackson = findCause(ex, JacksonException.class);
        TypeMismatchException mismatch = findCause(ex, TypeMismatchException.class);
        MethodParameter parameter = ex.getMethodParameter();
        if (jackson instanceof UnrecognizedPropertyException) {
            // read without the strict decoder's collection (a Flux of bodies): the first such field only
            RefusedFieldsException first = new RefusedFieldsException(List.of(new RefusedFieldsException.RefusedField(
                    UnreadableBody.of(jackson, bodyType(parameter)).field(), false)));
            return handleExceptionInternal(ex, respond(first).getBody(), headers, HttpStatus.BAD_REQUEST, exchange);
        }
        if (jackson != null) {
            UnreadableBody unreadable = UnreadableBody.of(jackson, bodyType(parameter));
            if (unreadable.field().isEmpty()) {
                body.setDetail(unreadable.message());
            } else {
                body.setDetail("field '" + unreadable.field() + "': " + unreadable.message());
                body.setProperty("errors", List.of(new HubProblem.FieldError(unreadable.field(), unreadable.message())));
            }
        } else if (mismatch != null && parameter != null && parameter.getParameterName() != null) {
            String name = parameter.getParameterName();
            String message = "'" + ClientTerms.echo(mismatch.getValue()) + "' is not " + ClientTerms.expected(mismatch.getRequiredType());
            body.setDetail("parameter '" + name + "': " + message);
            body.setProperty("errors", List.of(new HubProblem.FieldError(name, message)));
        } else if (ex.getCause() == null && "No request body".equals(ex.getReason())) {
            body.setDetail("the request needs a body");
        } else {
            body.setDetail("the request could not be read");
        }
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, exchange);
    }

    /** The declared type of the request body, unwrapped from a {@code Mono} or {@code Flux}. */
    private static ResolvableType bodyType(MethodParameter parameter) {
        if (parameter == null) {
            return ResolvableType.NONE;
        }
        ResolvableType type = ResolvableType.forMethodParameter(parameter);
        Class<?> raw = type.resolve();
        if (raw != null && Publisher.class.isAssignableFrom(raw)) {
            return type.as(Publisher.class).getGeneric(0);
        }
        return type;
    }

    private static ProblemDetail internalError(HttpStatusCode status, ServerWebExchange exchange) {
        String correlationId = TraceIdResponseHeader.of(exchange).orElse(null);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, correlationId == null
                ? "the service failed to handle the request"
                : "the service failed to handle the request; quote correlation id " + correlationId + " when reporting it");
        body.setType(URI.create(ProblemTypes.INTERNAL_ERROR));
        if (correlationId != null) {
            body.setProperty("correlationId", correlationId);
        }
        return body;
    }

    private static void logFailure(Exception e, ServerWebExchange exchange) {
        log.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), e);
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
