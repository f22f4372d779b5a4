package org.isecg.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

import org.isecg.gateway.problem.EdgeProblem;
import org.isecg.web.problem.ProblemResponses;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Every routed request takes a permit from its client's bucket ({@link KeyResolver}); a client whose
 * bucket is empty gets a {@code 429} problem with {@code Retry-After}, the whole seconds until its
 * next permit, and the request goes no further. Actuator endpoints are not routed, so probes and
 * scrapes are never limited.
 */
class RateLimitFilter implements GlobalFilter, Ordered {

    private final KeyResolver clients;
    private final ClientBuckets buckets;
    private final RateLimitProperties policy;
    private final ProblemResponses problems;

    RateLimitFilter(KeyResolver clients, RateLimitProperties policy, ProblemResponses problems) {
        this.clients = clients;
        this.buckets = new ClientBuckets(policy);
        this.policy = policy;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return clients.resolve(exchange).defaultIfEmpty("unknown").flatMap(client -> {
            Optional<Duration> wait = buckets.take(client);
            if (wait.isEmpty()) {
                return chain.filter(exchange);
            }
            return problems.write(exchange, EdgeProblem.rateLimited(policy.describe(), wait.get()));
        });
    }

    /** Right after the access log, before the body is read: a limited request costs next to nothing. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
