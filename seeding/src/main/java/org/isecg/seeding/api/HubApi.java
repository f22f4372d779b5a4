package org.isecg.seeding.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The Hub's public API as an integration uses it: JSON over HTTP through the gateway, a bearer token on every
 * request, bounded and retried as {@link HttpSettings} says. Answers every status, 4xx included, as an
 * {@link ApiResponse}; throws {@link HubApiException} only when there was no answer worth reading.
 */
public final class HubApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI gateway;
    // without a trailing slash, so that a gateway behind a path prefix keeps it
    private final String base;
    private final TokenSource tokens;
    private final RetryingHttp http;
    private final HttpSettings settings;

    public HubApi(URI gateway, TokenSource tokens, HttpSettings settings) {
        this.gateway = gateway;
        this.settings = settings;
        this.base = gateway.toString().replaceAll("/+$", "");
        this.tokens = tokens;
        this.http = new RetryingHttp(settings);
    }

    public URI gateway() {
        return gateway;
    }

    public HttpSettings settings() {
        return settings;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    /**
     * A POST of a JSON body, with extra headers such as {@code Idempotency-Key}.
     *
     * @param body {@code null} for an operation that takes none (a revision's baseline)
     */
    public ApiResponse post(String path, JsonNode body, Map<String, String> headers) {
        HttpRequest.Builder request = body == null ? request(path).POST(HttpRequest.BodyPublishers.noBody())
                : json(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request);
    }

    /** A PUT of a JSON body that replaces the version named by {@code ifMatch} (an ETag). */
    public ApiResponse put(String path, String ifMatch, JsonNode body) {
        return send(json(path).header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder json(String path) {
        return request(path).header("Content-Type", "application/json");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, application/problem+json");
    }

    private ApiResponse send(HttpRequest.Builder request) {
        request.header("Authorization", "Bearer " + tokens.token());
        HttpResponse<String> response = http.send(request);
        return new ApiResponse(response.statusCode(), parse(response.body()), response.headers().firstValue("ETag"));
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return MissingNode.getInstance();
        }
    }
}
