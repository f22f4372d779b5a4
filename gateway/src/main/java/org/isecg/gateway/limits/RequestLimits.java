package org.isecg.gateway.limits;

import java.util.List;
import java.util.Map;

import org.isecg.gateway.problem.EdgeProblem;
import org.isecg.web.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses, before routing, a request target, header set or body over the limits of
 * {@link RequestLimitsProperties}, with a problem detail that names the limit. Runs after the
 * security filter chain so that these answers carry the security headers too.
 */
@Component
class RequestLimits implements WebFilter, Ordered {

    /** Just after Spring Security's filter chain (order -100). */
    static final int ORDER = -90;

    private final RequestLimitsProperties limits;
    private final ProblemResponses problems;
    private final BodyLimit bodyLimit;

    RequestLimits(RequestLimitsProperties limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
        this.bodyLimit = new BodyLimit(limits.maxBodySize(), limits.maxDrainedBody());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (targetLength(request) > limits.maxUriLength().toBytes()) {
            return problems.write(exchange, EdgeProblem.uriTooLong(limits.maxUriLength()));
        }
        if (headerSize(request.getHeaders()) > limits.maxHeaderSize().toBytes()) {
            return problems.write(exchange, EdgeProblem.headersTooLarge(limits.maxHeaderSize()));
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > limits.maxBodySize().toBytes()) {
            return refuseBody(exchange, declared);
        }
        if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    return bodyLimit.apply(super.getBody());
                }
            };
            return chain.filter(exchange.mutate().request(limited).build());
        }
        return chain.filter(exchange);
    }

    /**
     * A declared length over the limit. A client that waits for {@code 100 Continue} has sent nothing
     * yet and is answered at once; any other has its body read and dropped first (up to the drain
     * limit), because a server that answers and closes while the client is still sending makes the
     * client's TCP stack see a reset instead of the answer.
     */
    private Mono<Void> refuseBody(ServerWebExchange exchange, long declared) {
        EdgeProblem problem = EdgeProblem.contentTooLarge(limits.maxBodySize());
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(HttpHeaders.EXPECT));
        if (waitsForContinue || declared > limits.maxDrainedBody().toBytes()) {
            return problems.write(exchange, problem.closingTheConnection());
        }
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
                .then(Mono.defer(() -> problems.write(exchange, problem)));
    }

    /** The request target as the client sent it: raw path and query. */
    private static long targetLength(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        return request.getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1);
    }

    /** As on the wire: {@code name: value\r\n} per field. */
    private static long headerSize(HttpHeaders headers) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + value.length() + 4;
            }
        }
        return size;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
