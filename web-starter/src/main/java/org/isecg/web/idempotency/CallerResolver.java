package org.isecg.web.idempotency;

import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who sent a request, as far as idempotency keys go: keys are unique per caller, so that one
 * client's key can neither replay nor block another client's request. Today the API is open and
 * every request comes from {@value #ANONYMOUS}; once requests carry tokens, a bean of this type
 * yields the token's client or agency instead, and replaces the default.
 */
@FunctionalInterface
public interface CallerResolver {

    String ANONYMOUS = "anonymous";

    /** The caller of the exchange; never empty. */
    Mono<String> callerOf(ServerWebExchange exchange);

    /** Every request from the one caller {@value #ANONYMOUS}. */
    static CallerResolver anonymous() {
        return exchange -> Mono.just(ANONYMOUS);
    }
}
