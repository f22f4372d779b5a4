package org.isecg.seeding.api;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens by the OAuth 2.0 client-credentials grant (RFC 6749, section 4.4), from the token endpoint
 * that the issuer's metadata names: OpenID discovery first, then RFC 8414's authorization-server metadata, as
 * Spring Security's resource servers find an issuer. Works with the embedded identity-service and with any
 * identity provider that issues the Hub's tokens. A token is kept until 30 s before it expires.
 */
public final class ClientCredentials implements TokenSource {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RENEWAL_MARGIN = Duration.ofSeconds(30);

    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final RetryingHttp http;
    private final Clock clock;
    private URI tokenEndpoint;
    private String token;
    private Instant renewAt = Instant.MIN;

    public ClientCredentials(URI issuer, String clientId, String clientSecret, HttpSettings settings) {
        this(issuer, clientId, clientSecret, settings, Clock.systemUTC());
    }

    ClientCredentials(URI issuer, String clientId, String clientSecret, HttpSettings settings, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = new RetryingHttp(settings);
        this.clock = clock;
    }

    @Override
    public synchronized String token() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            request();
        }
        return token;
    }

    /** The token endpoint, discovered from the issuer's metadata on first use. */
    public synchronized URI tokenEndpoint() {
        if (tokenEndpoint == null) {
            tokenEndpoint = discover();
        }
        return tokenEndpoint;
    }

    private void request() {
        // client_secret_basic: id and secret form-encoded, then Base64 (RFC 6749, section 2.3.1)
        String credentials = Base64.getEncoder().encodeToString(
                (formEncode(clientId) + ":" + formEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        JsonNode body = readJson(response.body());
        if (response.statusCode() != 200 || !body.path("access_token").isString()) {
            // RFC 6749, section 5.2: {"error": "invalid_client", ...}
            throw new HubApiException("the issuer " + issuer + " refused a token for client '" + clientId + "': "
                    + response.statusCode() + " " + body.path("error").asString("") + " "
                    + body.path("error_description").asString(""));
        }
        Instant now = clock.instant();
        token = body.get("access_token").asString();
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(60));
        renewAt = now.plus(lifetime.compareTo(RENEWAL_MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(RENEWAL_MARGIN) : lifetime.dividedBy(2));
    }

    private URI discover() {
        StringBuilder tried = new StringBuilder();
        for (URI metadata : metadataLocations()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metadata).header("Accept", "application/json").GET());
            JsonNode body = readJson(response.body());
            if (response.statusCode() == 200 && body.path("token_endpoint").isString()) {
                String named = body.path("issuer").asString("");
                // RFC 8414, section 3.3: metadata that names another issuer must not be used
                if (!stripSlash(named).equals(stripSlash(issuer.toString()))) {
                    throw new HubApiException(metadata + " names the issuer '" + named + "', not " + issuer);
                }
                return URI.create(body.get("token_endpoint").asString());
            }
            tried.append(tried.isEmpty() ? "" : ", ").append(metadata).append(" (").append(response.statusCode()).append(')');
        }
        throw new HubApiException("no token endpoint found for the issuer " + issuer + "; tried " + tried);
    }

    /** OpenID Connect Discovery 1.0 appends to the issuer; RFC 8414 inserts between host and path. */
    private List<URI> metadataLocations() {
        String base = stripSlash(issuer.toString());
        String path = stripSlash(issuer.getRawPath() == null ? "" : issuer.getRawPath());
        String origin = base.substring(0, base.length() - path.length());
        return List.of(URI.create(base + "/.well-known/openid-configuration"),
                URI.create(origin + "/.well-known/oauth-authorization-server" + path));
    }

    private static String stripSlash(String value) {
        return value.replaceAll("/+$", "");
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }
}
