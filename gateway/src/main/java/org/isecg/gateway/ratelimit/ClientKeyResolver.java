package org.isecg.gateway.ratelimit;

import java.net.InetSocketAddress;

import org.isecg.web.security.Caller;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Whom a request counts against: the client of its validated bearer token ({@code client_id}, else
 * {@code sub}), else its remote address. Every routed request under {@code /api/} has passed token
 * validation before it gets here, so a caller can no longer spread its requests over made-up clients;
 * a request with a bad token is a 401 before it takes a permit.
 */
public class ClientKeyResolver implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "client:" + Caller.of(((JwtAuthenticationToken) principal).getToken()).clientId())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + address(exchange)));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
