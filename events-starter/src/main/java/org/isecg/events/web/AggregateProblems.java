package org.isecg.events.web;

import org.isecg.events.outbox.AggregateWriteException;
import org.isecg.web.problem.ConflictException;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.problem.ProblemDetailsHandler;
import org.isecg.web.problem.VersionMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import reactor.core.publisher.Mono;

/**
 * What a failed aggregate write means to an HTTP client: an existing id is a {@code 409}, a missing
 * aggregate a {@code 404}, an {@code If-Match} that matches no current version a {@code 412} (whose
 * detail says why, e.g. that a weak tag never matches). Ahead of the general handler, whose
 * catch-all ({@code @ExceptionHandler(Exception.class)}) would otherwise take these as 500s.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AggregateProblems {

    private static final Logger log = LoggerFactory.getLogger(AggregateProblems.class);

    @ExceptionHandler(AggregateWriteException.class)
    Mono<ResponseEntity<ProblemDetail>> handle(AggregateWriteException e) {
        return Mono.just(ProblemDetailsHandler.respond(problem(e)));
    }

    /** A unique key other than the id taken by a concurrent writer, e.g. in a replica upsert. */
    @ExceptionHandler(DuplicateKeyException.class)
    Mono<ResponseEntity<ProblemDetail>> handle(DuplicateKeyException e) {
        log.info("duplicate key refused: {}", e.getMostSpecificCause().getMessage());
        return Mono.just(ProblemDetailsHandler.respond(new ConflictException("a resource with that identity already exists")));
    }

    static HubProblem problem(AggregateWriteException e) {
        if (e instanceof AggregateWriteException.StaleVersion stale) {
            return new VersionMismatchException(stale.kind(), stale.id(), stale.expected(), stale.current());
        }
        if (e instanceof AggregateWriteException.NotFound) {
            return new NotFoundException(e.kind(), e.id());
        }
        return new ConflictException(e.getMessage());
    }
}
