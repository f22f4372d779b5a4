package org.isecg.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the stack's own issuer (identity-service), as a client gets them: the
 * client-credentials grant with the client's development secret, each kept until shortly before it
 * expires.
 */
final class IssuedTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    IssuedTokens(String issuer) {
        this.issuer = issuer;
    }

    private record Issued(String token, Instant renewAt) {
    }

    /** A token with every scope of the client, e.g. {@code secretariat} or {@code NASA}. */
    String of(String client) {
        return issued.compute(client, (name, current) -> current != null && Instant.now().isBefore(current.renewAt())
                ? current : request(name)).token();
    }

    private Issued request(String client) {
        String credentials = Base64.getEncoder().encodeToString((client + ":dev-" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(15)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the issuer refused a token for " + client + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            Instant expires = Instant.now().plusSeconds(body.get("expires_in").asLong());
            return new Issued(body.get("access_token").asString(), expires.minus(MARGIN));
        } catch (IOException e) {
            throw new IllegalStateException("issuer unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
