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
import java.util.Set;
import java.util.function.Consumer;

import org.awaitility.core.ConditionTimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Hub's API through the gateway, as its clients use it, with plain HTTP and JSON and tokens from
 * the stack's issuer: the secretariat registers agencies, each agency writes its own plans and reads
 * its own notifications with its own token (the agencies of the tests are seeded clients of the
 * issuer), a member agency (NASA) reads the shared picture.
 */
final class HubClient {

    static final String SECRETARIAT = "secretariat";
    static final String READER = "NASA";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PAGE_SIZE = 200;

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

        /** The {@code ETag} header, e.g. {@code "1"} with its quotes. */
        String etag() {
            return headers.firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag in " + this));
        }
    }

    Response registerAgency(String code, String name, String country) {
        return post("/api/v1/agencies", Map.of("code", code, "name", name, "countries", List.of(country),
                "kind", "NATIONAL_AGENCY", "membership", "MEMBER", "memberSince", 2007));
    }

    /**
     * Registers the agency unless the register has it already: the tests' agencies are the issuer's
     * seeded clients, and several tests of one stack use the same ones.
     */
    void ensureRegistered(String code, String country) {
        Response answer = registerAgency(code, code + " (system tests)", country);
        if (answer.status() != 201 && answer.status() != 409) {
            throw new AssertionError("registering " + code + ": unexpected answer " + answer);
        }
    }

    /**
     * Puts a plan on the roadmap as its owner: with the owner's token, so that the body names no owner.
     * Retries while the roadmap does not know the owner yet: a newly registered agency reaches the roadmap
     * service through an event, within seconds; any other answer fails at once. Answers the {@code 201}.
     */
    Response createPlanAs(String owner, Map<String, Object> plan) {
        Response[] last = new Response[1];
        try {
            await("plan accepted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                last[0] = postAs(owner, "/api/v1/plans", plan);
                if (last[0].status() != 201 && !ownerNotYetKnown(last[0])) {
                    throw new AssertionError("the plan of " + owner + ": unexpected answer " + last[0]);
                }
                return last[0].status() == 201;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the plan of " + owner + " was not accepted within 60 s; last answer " + last[0], e);
        }
        return last[0];
    }

    /** The roadmap's 422 for an owner its replica of the register does not have yet, which a retry outlives. */
    private static boolean ownerNotYetKnown(Response answer) {
        if (answer.status() != 422 || answer.body() == null || answer.body().get("errors") == null) {
            return false;
        }
        for (JsonNode error : answer.body().get("errors")) {
            if ("ownerAgency".equals(error.path("field").asString()) && error.path("message").asString().contains("agency register")) {
                return true;
            }
        }
        return false;
    }

    /** {@link #createPlanAs}, answering the new plan's id. */
    String createPlan(String owner, Map<String, Object> plan) {
        return createPlanAs(owner, plan).body().get("planId").asString();
    }

    /** Every notification of the agency, all pages, read with the agency's own token: its inbox. */
    List<JsonNode> notifications(String agency) {
        List<JsonNode> entries = new ArrayList<>();
        String token = null;
        do {
            Response page = getAs(agency, "/api/v1/notifications?pageSize=" + PAGE_SIZE + (token == null ? "" : "&pageToken=" + token));
            if (page.status() != 200) {
                throw new AssertionError("the notifications of " + agency + ": unexpected answer " + page);
            }
            page.body().get("items").forEach(entries::add);
            JsonNode next = page.body().get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null);
        return entries;
    }

    /** The agency's notifications about any of these plans (other tests of the stack notify the same agencies). */
    List<JsonNode> notificationsAbout(String agency, String... planIds) {
        return notifications(agency).stream().filter(entry -> mentions(entry, planIds)).toList();
    }

    /** Marks one of the caller's notifications read (no body). */
    Response markReadAs(String agency, String entryId) {
        return send(agency, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/notifications/" + entryId + "/read"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The overlaps that involve the agency and any of these plans. */
    List<JsonNode> overlapsAbout(String agency, String... planIds) {
        List<JsonNode> overlaps = new ArrayList<>();
        get("/api/v1/overlaps?pageSize=" + PAGE_SIZE + "&agency=" + agency).body().get("items").forEach(overlap -> {
            if (mentions(overlap, planIds)) {
                overlaps.add(overlap);
            }
        });
        return overlaps;
    }

    private static boolean mentions(JsonNode overlapOrEntry, String... planIds) {
        Set<String> wanted = Set.of(planIds);
        for (JsonNode planId : overlapOrEntry.get("planIds")) {
            if (wanted.contains(planId.asString())) {
                return true;
            }
        }
        return false;
    }

    /** A GET as a member. */
    Response get(String path) {
        return getAs(READER, path);
    }

    /** A GET with a token of that client; {@code null} for none. */
    Response getAs(String client, String path) {
        return send(client, HttpRequest.newBuilder(URI.create(gateway + path)).GET());
    }

    /** A GET of an address outside the gateway (a service's management port), with a token of that client. */
    Response getAtAs(String client, String url) {
        return send(client, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** A GET in the caller's trace: {@code traceparent} is a W3C trace context the gateway continues. */
    Response getInTrace(String path, String traceparent) {
        return send(READER, HttpRequest.newBuilder(URI.create(gateway + path)).header("traceparent", traceparent).GET());
    }

    /** A POST as the secretariat. */
    Response post(String path, Object body) {
        return postAs(SECRETARIAT, path, body);
    }

    /** A POST with a token of that client; {@code null} for none. */
    Response postAs(String client, String path, Object body) {
        return send(client, json(path, request -> request.POST(publisher(body))));
    }

    /** A POST of a change to what the caller read at {@code ifMatch} (an ETag). */
    Response postAs(String client, String path, String ifMatch, Object body) {
        return send(client, json(path, request -> request.header("If-Match", ifMatch).POST(publisher(body))));
    }

    /** A PUT of a change to what the caller read at {@code ifMatch} (an ETag). */
    Response putAs(String client, String path, String ifMatch, Object body) {
        return send(client, json(path, request -> request.header("If-Match", ifMatch).PUT(publisher(body))));
    }

    private HttpRequest.Builder json(String path, Consumer<HttpRequest.Builder> method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Content-Type", "application/json");
        method.accept(request);
        return request;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private Response send(String client, HttpRequest.Builder request) {
        if (client != null) {
            request.header("Authorization", "Bearer " + tokens.of(client));
        }
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
