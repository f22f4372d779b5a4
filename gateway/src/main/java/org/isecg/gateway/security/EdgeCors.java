package org.isecg.gateway.security;

import org.isecg.gateway.problem.EdgeProblem;
import org.isecg.web.problem.ProblemResponses;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Spring's CORS processing ({@link DefaultCorsProcessor}) with one difference from its
 * {@code CorsWebFilter}: a cross-origin request the configuration refuses gets a {@code 403} problem
 * detail rather than an empty body. A preflight the configuration allows is answered here and goes
 * no further; a request without {@code Origin} (any non-browser client) passes untouched.
 */
class EdgeCors implements WebFilter {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemResponses problems;

    EdgeCors(CorsConfiguration configuration, ProblemResponses problems) {
        this.configuration = configuration;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, EdgeProblem.originNotAllowed());
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
