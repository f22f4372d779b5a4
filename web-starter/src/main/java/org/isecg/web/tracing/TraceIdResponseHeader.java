package org.isecg.web.tracing;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import reactor.core.publisher.Mono;

/**
 * Answers every request with the id of the trace it runs in, in {@value #HEADER}: the header
 * clients have always read, now naming a trace that a collector (or a search of the logs for the
 * trace id) shows whole. Callers who want to choose the id send a W3C {@code traceparent}.
 */
public class TraceIdResponseHeader implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";

    /** The exchange attribute that holds the trace id, for what answers before the response is committed. */
    private static final String ATTRIBUTE = TraceIdResponseHeader.class.getName() + ".traceId";

    private final ObjectProvider<Tracer> tracer;

    public TraceIdResponseHeader(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        traceId(exchange).ifPresent(traceId -> {
            exchange.getAttributes().put(ATTRIBUTE, traceId);
            exchange.getResponse().beforeCommit(() -> {
                // set, not added, and only as the response goes out: behind the gateway the proxied
                // service answers the same header, which would otherwise be sent twice
                exchange.getResponse().getHeaders().set(HEADER, traceId);
                return Mono.empty();
            });
        });
        return chain.filter(exchange);
    }

    /** The trace id this exchange is answered with, e.g. to quote it in a problem detail; empty without tracing. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /**
     * The trace of the request's server observation, which the web handler starts before any
     * filter runs; the current span's where there is no such observation.
     */
    private Optional<String> traceId(ServerWebExchange exchange) {
        Optional<Span> span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan);
        return span.or(() -> Optional.ofNullable(tracer.getIfAvailable(() -> Tracer.NOOP).currentSpan()))
                .map(current -> current.context().traceId())
                .filter(id -> !id.isEmpty());
    }

    /** First, so that even a request refused by a later filter is answered with its trace id. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
