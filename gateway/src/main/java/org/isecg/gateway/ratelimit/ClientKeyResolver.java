package org.isecg.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Whom a request counts against: the client named in its bearer token ({@code client_id}, else
 * {@code sub}), else its remote address. The token is only read here, not validated: until the
 * gateway validates tokens, a caller can name any client and so spread its requests over made-up
 * ones. When validation comes, a resolver that reads the validated token's {@code client_id}
 * replaces this one (any {@link KeyResolver} bean).
 */
public class ClientKeyResolver implements KeyResolver {

    private static final String BEARER = "Bearer ";
    /** Longer claims are not a client's name; such a request counts by its address. */
    private static final int MAX_CLAIM_LENGTH = 200;

    private final ObjectMapper json;

    public ClientKeyResolver(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return Mono.just(tokenClient(exchange).map(client -> "client:" + client)
                .orElseGet(() -> "address:" + address(exchange)));
    }

    private Optional<String> tokenClient(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return claim(claims, "client_id").or(() -> claim(claims, "sub"));
        } catch (RuntimeException notAJwt) {
            return Optional.empty();
        }
    }

    private static Optional<String> claim(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isString() || value.asString().isBlank() || value.asString().length() > MAX_CLAIM_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(value.asString());
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
