package org.isecg.gateway.problem;

import org.isecg.web.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

import reactor.core.publisher.Mono;

/**
 * What no route, actuator endpoint or fallback takes: a {@code /problems/not-found} problem that
 * names no internal concept (Spring's own would speak of a missing "static resource"). Last of the
 * handler mappings; the gateway serves no static files ({@code spring.web.resources.add-mappings}).
 */
@Component
class UnroutedRequests extends AbstractHandlerMapping {

    private final WebHandler notFound;

    UnroutedRequests(ProblemResponses problems) {
        this.notFound = exchange -> problems.write(exchange, EdgeProblem.notFound());
        setOrder(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        return Mono.just(notFound);
    }
}
