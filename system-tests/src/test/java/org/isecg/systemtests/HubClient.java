package org.isecg.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Hub's API through the gateway, as its clients use it, with plain HTTP and JSON and tokens from
 * the stack's issuer: the secretariat registers agencies and imports their plans (the test agencies
 * are made up, so they have no clients of their own), a member agency (NASA) reads.
 */
final class HubClient {

    static final String SECRETARIAT = "secretariat";
    static final String READER = "NASA";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final IssuedTokens tokens;

    HubClient(String gatewayUrl, String issuerUrl) {
        this.gateway = gatewayUrl;
        this.tokens = new IssuedTokens(issuerUrl);
    }

    /** A token of that client, from the stack's issuer. */
    String tokenOf(String client) {
        return tokens.of(client);
    }

    record Response(int status, JsonNode body, HttpHeaders headers) {
    }

    Response registerAgency(String code, String name, String country) {
        return post("/api/v1/agencies", Map.of("code", code, "name", name, "countries", List.of(country),
                "kind", "NATIONAL_AGENCY", "membership", "MEMBER", "memberSince", 2007));
    }

    /**
     * Puts a plan on the roadmap, retrying while the roadmap does not know the owner yet: a newly
     * registered agency reaches the roadmap service through an event, within seconds.
     */
    String createPlan(Map<String, Object> plan) {
        Response[] created = new Response[1];
        await("plan accepted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            created[0] = post("/api/v1/plans", plan);
            if (created[0].status() != 201 && created[0].status() != 422) {
                throw new AssertionError("unexpected answer " + created[0]);
            }
            return created[0].status() == 201;
        });
        return created[0].body().get("planId").asString();
    }

    /** Every entry of the agency's inbox, all pages. */
    List<JsonNode> inbox(String agency) {
        List<JsonNode> entries = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = get("/api/v1/inboxes/" + agency + "?pageSize=50" + (token == null ? "" : "&pageToken=" + token)).body();
            page.get("items").forEach(entries::add);
            JsonNode next = page.get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null);
        return entries;
    }

    List<JsonNode> overlapsOf(String agency) {
        List<JsonNode> overlaps = new ArrayList<>();
        get("/api/v1/overlaps?agency=" + agency).body().get("items").forEach(overlaps::add);
        return overlaps;
    }

    /** A GET as a member. */
    Response get(String path) {
        return send(withToken(HttpRequest.newBuilder(URI.create(gateway + path)), READER).GET());
    }

    /** A GET in the caller's trace: {@code traceparent} is a W3C trace context the gateway continues. */
    Response getInTrace(String path, String traceparent) {
        return send(withToken(HttpRequest.newBuilder(URI.create(gateway + path)), READER).header("traceparent", traceparent).GET());
    }

    /** A POST as the secretariat. */
    Response post(String path, Object body) {
        return postAs(SECRETARIAT, path, body);
    }

    /** A POST with a token of that client; {@code null} for none. */
    Response postAs(String client, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(client == null ? request : withToken(request, client));
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request, String client) {
        return request.header("Authorization", "Bearer " + tokens.of(client));
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("gateway unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
