package org.isecg.web.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes a problem detail from where no handler runs: the web filters that refuse a request before
 * it reaches one (the gateway's edge, the token checks of every service). With the application's
 * codecs, so that the JSON is the same as {@link ProblemDetailsHandler} writes inside the dispatcher
 * (its properties at the top level, {@code instance} the path).
 */
public class ProblemResponses {

    private final ServerResponse.Context context;

    public ProblemResponses(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    public Mono<Void> write(ServerWebExchange exchange, ErrorResponse problem) {
        return write(exchange, problem.getBody(), problem.getHeaders());
    }

    /** The problem with its status, and these headers beside it (e.g. a challenge). */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail body, HttpHeaders headers) {
        if (body.getInstance() == null) {
            body.setInstance(instance(exchange));
        }
        return ServerResponse.status(body.getStatus())
                .headers(response -> response.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(body)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    private static URI instance(ServerWebExchange exchange) {
        try {
            return URI.create(exchange.getRequest().getPath().value());
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }
}
