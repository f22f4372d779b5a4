package org.isecg.web.idempotency;

import org.isecg.web.security.Caller;
import org.isecg.web.security.Callers;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who sent a request, as far as idempotency keys go: keys are unique per caller, so that one
 * client's key can neither replay nor block another client's request. By default the caller is the
 * validated token's client ({@link #tokenClient()}); a bean of this type replaces it.
 */
@FunctionalInterface
public interface CallerResolver {

    /** The caller of a request that no validated token authenticated (an endpoint open to anyone). */
    String ANONYMOUS = "anonymous";

    /** The caller of the exchange; never empty. */
    Mono<String> callerOf(ServerWebExchange exchange);

    /** The client id of the request's validated token, else {@value #ANONYMOUS}. */
    static CallerResolver tokenClient() {
        return exchange -> Callers.current().map(Caller::clientId).defaultIfEmpty(ANONYMOUS);
    }

    /** Every request from the one caller {@value #ANONYMOUS}. */
    static CallerResolver anonymous() {
        return exchange -> Mono.just(ANONYMOUS);
    }
}
