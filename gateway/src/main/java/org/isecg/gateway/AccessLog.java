package org.isecg.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * One line per routed request: method, path, route, status and time taken, written in the
 * request's trace, so that a trace id from a client's report finds its request at the door as well
 * as in the services behind it. Query strings are left out: they may carry what a log should not.
 */
@Component
class AccessLog implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AccessLog.class);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            log.info("{} {} -> {} {} in {} ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    route == null ? "no route" : route.getId(),
                    exchange.getResponse().getStatusCode() == null ? signal : exchange.getResponse().getStatusCode().value(),
                    (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** First among the global filters, so that the time covers the whole proxied call. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
