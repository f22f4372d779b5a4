package org.isecg.gateway.resilience;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.isecg.gateway.problem.EdgeProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Where every route's circuit breaker sends a request it could not get answered: the service
 * refused the connection, did not answer within the route's {@code response-timeout}, or its
 * breaker is open. The answer is a {@code 503} problem with {@code Retry-After} that says which of
 * the three happened, in the client's terms; the failure itself (hosts, ports, Netty's words) goes
 * to the log only. Reached only by the gateway's own forward: a client that asks for this path
 * directly finds nothing.
 */
@RestController
class ServiceUnavailableFallback {

    static final String PATH = "/fallback/service-unavailable";

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableFallback.class);

    private final CircuitBreakerRegistry breakers;

    ServiceUnavailableFallback(CircuitBreakerRegistry breakers) {
        this.breakers = breakers;
    }

    @RequestMapping(PATH)
    ResponseEntity<ProblemDetail> unavailable(ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (failure == null || route == null) {
            throw EdgeProblem.notFound();
        }
        Duration retryAfter = openStateWait(route.getId());
        String request = exchange.getRequest().getMethod() + " " + originalPath(exchange);
        String detail;
        if (failure instanceof CallNotPermittedException) {
            detail = "the service behind this route is failing, so the gateway holds its requests back for now";
        } else if (isTimeout(failure)) {
            log.warn("{}: the service of route {} did not answer in time", request, route.getId());
            detail = "the service behind this route did not answer within " + responseTimeout(route)
                    + "; the request may have been carried out, so retry a create with the same Idempotency-Key"
                    + " and a change with the same If-Match";
        } else {
            log.warn("{}: the service of route {} cannot be reached: {}", request, route.getId(), failure.toString());
            detail = "the service behind this route cannot be reached";
        }
        EdgeProblem problem = EdgeProblem.serviceUnavailable(detail, retryAfter);
        problem.getBody().setInstance(URI.create(originalPath(exchange)));
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).body(problem.getBody());
    }

    /** The path the client asked for, before the forward to this fallback. */
    private static String originalPath(ServerWebExchange exchange) {
        return RequestedPath.of(exchange).orElseGet(() -> exchange.getRequest().getPath().value());
    }

    /** Until then the open breaker refuses at once; after it, the gateway tries the service again. */
    private Duration openStateWait(String breaker) {
        return breakers.find(breaker)
                .map(found -> Duration.ofMillis(found.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
                .orElse(Duration.ofSeconds(1));
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT) {
                return true;
            }
        }
        return false;
    }

    private static String responseTimeout(Route route) {
        Object millis = route.getMetadata().get(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR);
        return millis == null ? "the gateway's response timeout" : millis + " ms";
    }
}
