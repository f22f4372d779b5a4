package org.isecg.seeding;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A loopback stand-in for a deployment, for the tool's tests: a token issuer (RFC 8414 metadata and the
 * client-credentials grant) and the agency register's API as docs/api.md and docs/security.md describe it
 * (ETags and If-Match, 409 for a code that exists, strict bodies, Idempotency-Key per client, histories that
 * name the client of each version, pages of at most {@value #MAX_PAGE}); and the standards catalogue's, with
 * its revisions' operations and a replica of the register that can be told to trail it (a steward it does not
 * know yet is a 422 naming {@code stewards}). It records every request and can be
 * told to fail some, so that tests see exactly what the tool sent, and how it copes with a deployment
 * that fails; the real register is the system test's.
 */
final class FakeHub implements AutoCloseable {

    static final int MAX_PAGE = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> REGISTRATION_FIELDS = Set.of("code", "name", "countries", "kind", "membership",
            "memberSince", "contactEmail", "website");
    // as the register: the status changes only by deactivation and reactivation, never by a PUT
    private static final Set<String> CHANGE_FIELDS = Set.of("name", "countries", "kind", "membership", "memberSince",
            "contactEmail", "website");

    /** One request as the fake received it. */
    record Recorded(String method, String path, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        /** A create or a change of the register (token requests are not writes). */
        boolean isWrite() {
            return path.startsWith("/api/") && (method.equals("POST") || method.equals("PUT"));
        }
    }

    /** A failure to inject: the next matching requests answer {@code status}, after doing their work if {@code process}. */
    private record Fault(String method, String pathPrefix, int status, boolean process) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new HashMap<>();
    private final Map<String, ObjectNode> entries = new TreeMap<>();
    private final Map<String, List<ObjectNode>> histories = new HashMap<>();
    private final Map<String, String> createdUnderKey = new HashMap<>();
    private final Map<String, ObjectNode> standards = new TreeMap<>();
    private int stewardRefusals;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private int writes;

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange) {
                handle(exchange);
            } catch (RuntimeException e) {
                respond(exchange, 500, "{\"title\": \"fake failed: " + e + "\"}", null);
            }
        });
        server.start();
        secrets.put("secretariat", "dev-secretariat-secret");
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized void client(String id, String secret) {
        secrets.put(id, secret);
    }

    /** The next {@code count} requests of that method under that path fail with {@code status}; done first if {@code process}. */
    synchronized void fail(String method, String pathPrefix, int count, int status, boolean process) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(method, pathPrefix, status, process));
        }
    }

    /** A change through the API by another client: a person at the register's desk. */
    synchronized void changeAs(String client, String code, String field, JsonNode value) {
        ObjectNode entry = entries.get(code).deepCopy();
        entry.set(field, value);
        store(code, entry, client, "org.isecg.register.agency.updated.v1");
    }

    synchronized ObjectNode entry(String code) {
        return entries.get(code);
    }

    synchronized ObjectNode standard(String code) {
        return standards.get(code);
    }

    /** The catalogue's replica of the register trails it: the next {@code count} writes naming stewards are refused. */
    synchronized void stewardsNotReplicatedFor(int count) {
        stewardRefusals = count;
    }

    /** A change of a standard by another client, as the catalogue's own operations would make it. */
    synchronized void changeStandardAs(String client, String code, Consumer<ObjectNode> change) {
        ObjectNode standard = standards.get(code).deepCopy();
        change.accept(standard);
        store(standards, "standards/", code, standard, client, "org.isecg.standards.standard.updated.v1");
    }

    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    synchronized void forgetRequests() {
        requests.clear();
    }

    /** Successful creates and changes: each would have been one event. */
    synchronized int writes() {
        return writes;
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String body = readBody(exchange.getRequestBody());
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        requests.add(new Recorded(method, path + (query == null ? "" : "?" + query), headers, body));

        Fault fault = faults.stream().filter(f -> f.method().equals(method) && path.startsWith(f.pathPrefix())).findFirst().orElse(null);
        if (fault != null) {
            faults.remove(fault);
            if (fault.process()) {
                // the work is done, the answer is lost on the way
                route(exchange, method, path, query, body, headers, true);
            }
            respond(exchange, fault.status(), "{\"type\": \"/problems/service-unavailable\", \"status\": " + fault.status() + "}",
                    null);
            return;
        }
        route(exchange, method, path, query, body, headers, false);
    }

    private void route(HttpExchange exchange, String method, String path, String query, String body,
            Map<String, String> headers, boolean silently) throws IOException {
        if (path.equals("/.well-known/oauth-authorization-server") && method.equals("GET")) {
            answer(exchange, silently, 200, "{\"issuer\": \"" + url() + "\", \"token_endpoint\": \"" + url() + "/oauth2/token\","
                    + " \"grant_types_supported\": [\"client_credentials\"]}", null);
        } else if (path.equals("/oauth2/token") && method.equals("POST")) {
            token(exchange, headers, body, silently);
        } else if (path.startsWith("/api/v1/standards") || path.startsWith("/api/v1/agencies")) {
            String client = clientOf(headers);
            if (client == null) {
                answer(exchange, silently, 401, problem("/problems/token-required", "no valid token"), null);
            } else if (path.startsWith("/api/v1/standards")) {
                catalogue(exchange, method, path.substring("/api/v1/standards".length()), query, body, headers, client, silently);
            } else {
                register(exchange, method, path.substring("/api/v1/agencies".length()), query, body, headers, client, silently);
            }
        } else {
            answer(exchange, silently, 404, problem("/problems/not-found", path), null);
        }
    }

    private void token(HttpExchange exchange, Map<String, String> headers, String body, boolean silently) throws IOException {
        String authorization = headers.getOrDefault("authorization", "");
        String[] credentials = authorization.startsWith("Basic ")
                ? new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8).split(":", 2)
                : new String[0];
        if (!body.contains("grant_type=client_credentials")) {
            answer(exchange, silently, 400, "{\"error\": \"unsupported_grant_type\"}", null);
        } else if (credentials.length != 2 || !credentials[1].equals(secrets.get(credentials[0]))) {
            answer(exchange, silently, 401, "{\"error\": \"invalid_client\"}", null);
        } else {
            answer(exchange, silently, 200, "{\"access_token\": \"token-of-" + credentials[0]
                    + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}", null);
        }
    }

    private void register(HttpExchange exchange, String method, String rest, String query, String body,
            Map<String, String> headers, String client, boolean silently) throws IOException {
        if (rest.isEmpty() && method.equals("GET")) {
            list(exchange, entries, query, silently);
        } else if (rest.isEmpty() && method.equals("POST")) {
            create(exchange, (ObjectNode) JSON.readTree(body), headers.get("idempotency-key"), client, silently);
        } else if (rest.endsWith("/history") && method.equals("GET")) {
            String code = rest.substring(1, rest.length() - "/history".length());
            if (!entries.containsKey(code)) {
                answer(exchange, silently, 404, problem("/problems/not-found", code), null);
                return;
            }
            ObjectNode history = JSON.createObjectNode();
            history.putArray("entries").addAll(histories.get(code));
            answer(exchange, silently, 200, history.toString(), null);
        } else if (method.equals("GET")) {
            ObjectNode entry = entries.get(rest.substring(1));
            if (entry == null) {
                answer(exchange, silently, 404, problem("/problems/not-found", rest), null);
            } else {
                answer(exchange, silently, 200, entry.toString(), "\"" + entry.get("version").asLong() + "\"");
            }
        } else if (method.equals("PUT")) {
            change(exchange, rest.substring(1), headers.get("if-match"), (ObjectNode) JSON.readTree(body), client, silently);
        } else {
            answer(exchange, silently, 405, problem("about:blank", method), null);
        }
    }

    private void list(HttpExchange exchange, Map<String, ObjectNode> entries, String query, boolean silently) throws IOException {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        int size = Math.min(MAX_PAGE, Integer.parseInt(parameters.getOrDefault("pageSize", "20")));
        String after = parameters.get("pageToken");
        List<ObjectNode> page = entries.entrySet().stream().filter(e -> after == null || e.getKey().compareTo(after) > 0)
                .limit(size + 1L).map(Map.Entry::getValue).toList();
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode items = answer.putArray("items");
        page.stream().limit(size).forEach(items::add);
        if (page.size() > size) {
            answer.put("nextPageToken", page.get(size - 1).get("code").asString());
        } else {
            answer.putNull("nextPageToken");
        }
        answer(exchange, silently, 200, answer.toString(), null);
    }

    private void create(HttpExchange exchange, ObjectNode body, String key, String client, boolean silently) throws IOException {
        if (refusedFields(exchange, body, REGISTRATION_FIELDS, silently)) {
            return;
        }
        String code = body.get("code").asString();
        if (key != null && createdUnderKey.containsKey(client + " " + key)) {
            // a retry: the first answer again (a real register also compares the request's fingerprint)
            ObjectNode first = entries.get(createdUnderKey.get(client + " " + key));
            answer(exchange, silently, 201, first.toString(), "\"1\"");
            return;
        }
        if (entries.containsKey(code)) {
            answer(exchange, silently, 409, problem("/problems/conflict", "agency " + code + " exists"), null);
            return;
        }
        ObjectNode entry = body.deepCopy();
        entry.put("version", 0);
        if (!entry.has("memberSince")) {
            entry.putNull("memberSince");
        }
        if (!entry.has("contactEmail")) {
            entry.putNull("contactEmail");
        }
        entry.put("status", "ACTIVE");
        store(code, entry, client, "org.isecg.register.agency.registered.v1");
        if (key != null) {
            createdUnderKey.put(client + " " + key, code);
        }
        answer(exchange, silently, 201, entries.get(code).toString(), "\"1\"");
    }

    private void change(HttpExchange exchange, String code, String ifMatch, ObjectNode body, String client, boolean silently)
            throws IOException {
        ObjectNode current = entries.get(code);
        if (current == null) {
            answer(exchange, silently, 404, problem("/problems/not-found", code), null);
        } else if (ifMatch == null) {
            answer(exchange, silently, 428, problem("/problems/version-required", "If-Match"), null);
        } else if (!ifMatch.equals("\"" + current.get("version").asLong() + "\"")) {
            answer(exchange, silently, 412, problem("/problems/version-mismatch", "at " + current.get("version")), null);
        } else if (!refusedFields(exchange, body, CHANGE_FIELDS, silently)) {
            ObjectNode entry = body.deepCopy();
            entry.put("code", code);
            entry.put("version", current.get("version").asLong());
            entry.set("status", current.get("status"));
            store(code, entry, client, "org.isecg.register.agency.updated.v1");
            answer(exchange, silently, 200, entries.get(code).toString(), "\"" + entries.get(code).get("version").asLong() + "\"");
        }
    }

    private boolean refusedFields(HttpExchange exchange, ObjectNode body, Set<String> allowed, boolean silently) throws IOException {
        Set<String> refused = new LinkedHashSet<>();
        body.propertyNames().forEach(name -> {
            if (!allowed.contains(name)) {
                refused.add(name);
            }
        });
        if (refused.isEmpty()) {
            return false;
        }
        answer(exchange, silently, 400, problem("/problems/refused-fields", "refused: " + refused), null);
        return true;
    }

    /** Writes the next version of an agency with its history entry; every write is one event. */
    private void store(String code, ObjectNode entry, String client, String event) {
        store(entries, "", code, entry, client, event);
    }

    /** Writes the next version with its history entry (histories kept by {@code prefix} + code); one event. */
    private void store(Map<String, ObjectNode> into, String prefix, String code, ObjectNode entry, String client, String event) {
        long version = entry.get("version").asLong() + 1;
        entry.put("version", version);
        into.put(code, entry);
        ObjectNode history = JSON.createObjectNode().put("version", version).put("event", event)
                .put("at", "2026-12-03T10:15:00Z").put("client", client).putNull("agency").putNull("importedBy");
        histories.computeIfAbsent(prefix + code, c -> new ArrayList<>()).add(history);
        writes++;
    }

    private void catalogue(HttpExchange exchange, String method, String rest, String query, String body,
            Map<String, String> headers, String client, boolean silently) throws IOException {
        String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        if (parts.length == 0 && method.equals("GET")) {
            list(exchange, standards, query, silently);
        } else if (parts.length == 0 && method.equals("POST")) {
            publish(exchange, (ObjectNode) JSON.readTree(body), headers.get("idempotency-key"), client, silently);
        } else if (!standards.containsKey(parts[0])) {
            answer(exchange, silently, 404, problem("/problems/not-found", rest), null);
        } else if (parts.length == 1 && method.equals("GET")) {
            ObjectNode standard = standards.get(parts[0]);
            answer(exchange, silently, 200, standard.toString(), "\"" + standard.get("version").asLong() + "\"");
        } else if (parts.length == 2 && parts[1].equals("history") && method.equals("GET")) {
            ObjectNode history = JSON.createObjectNode();
            history.putArray("entries").addAll(histories.get("standards/" + parts[0]));
            answer(exchange, silently, 200, history.toString(), null);
        } else if (method.equals("PUT") || method.equals("POST")) {
            ObjectNode current = standards.get(parts[0]);
            String ifMatch = headers.get("if-match");
            if (ifMatch == null) {
                answer(exchange, silently, 428, problem("/problems/version-required", "If-Match"), null);
            } else if (!ifMatch.equals("\"" + current.get("version").asLong() + "\"")) {
                answer(exchange, silently, 412, problem("/problems/version-mismatch", "at " + current.get("version")), null);
            } else {
                revise(exchange, method, parts, current.deepCopy(), body, client, silently);
            }
        } else {
            answer(exchange, silently, 405, problem("about:blank", method), null);
        }
    }

    private void publish(HttpExchange exchange, ObjectNode body, String key, String client, boolean silently) throws IOException {
        if (refusedFields(exchange, body, Set.of("code", "title", "domain", "description", "stewards", "revisions"), silently)) {
            return;
        }
        for (JsonNode revision : body.path("revisions")) {
            if (refusedFields(exchange, (ObjectNode) revision, Set.of("revision", "status", "published", "keyParameters"), silently)) {
                return;
            }
        }
        String code = body.get("code").asString();
        if (key != null && createdUnderKey.containsKey("standards " + client + " " + key)) {
            answer(exchange, silently, 201, standards.get(code).toString(), "\"1\"");
            return;
        }
        if (standards.containsKey(code)) {
            answer(exchange, silently, 409, problem("/problems/conflict", "standard " + code + " exists"), null);
            return;
        }
        if (stewardsRefused(exchange, body, silently)) {
            return;
        }
        ObjectNode standard = body.deepCopy();
        standard.put("version", 0);
        if (!standard.has("description")) {
            standard.putNull("description");
        }
        ArrayNode revisions = standard.withArrayProperty("revisions");
        revisions.forEach(revision -> stored((ObjectNode) revision, revision.path("status").asString()));
        store(standards, "standards/", code, standard, client, "org.isecg.standards.standard.published.v2");
        if (key != null) {
            createdUnderKey.put("standards " + client + " " + key, code);
        }
        answer(exchange, silently, 201, standard.toString(), "\"1\"");
    }

    private void revise(HttpExchange exchange, String method, String[] parts, ObjectNode standard, String body, String client,
            boolean silently) throws IOException {
        String code = parts[0];
        ArrayNode revisions = standard.withArrayProperty("revisions");
        String event;
        if (method.equals("PUT") && parts.length == 1) {
            ObjectNode change = (ObjectNode) JSON.readTree(body);
            if (refusedFields(exchange, change, Set.of("title", "domain", "description", "stewards"), silently)
                    || stewardsRefused(exchange, change, silently)) {
                return;
            }
            change.properties().forEach(field -> standard.set(field.getKey(), field.getValue()));
            event = "org.isecg.standards.standard.updated.v1";
        } else if (parts.length == 2 && parts[1].equals("revisions")) {
            ObjectNode revision = (ObjectNode) JSON.readTree(body);
            if (refusedFields(exchange, revision, Set.of("revision", "published", "keyParameters"), silently)) {
                return;
            }
            if (revisionOf(revisions, revision.get("revision").asString()) != null) {
                answer(exchange, silently, 409, problem("/problems/conflict", "revision exists"), null);
                return;
            }
            revisions.add(stored(revision, "DRAFT"));
            event = "org.isecg.standards.standard.revision-added.v1";
        } else if (parts.length == 4 && parts[1].equals("revisions") && (parts[3].equals("baseline") || parts[3].equals("retirement"))) {
            ObjectNode revision = revisionOf(revisions, URLDecoder.decode(parts[2], StandardCharsets.UTF_8));
            if (revision == null) {
                answer(exchange, silently, 404, problem("/problems/not-found", parts[2]), null);
                return;
            }
            String status = revision.get("status").asString();
            if (parts[3].equals("baseline") ? !status.equals("DRAFT") : status.equals("RETIRED")) {
                answer(exchange, silently, 409, problem("/problems/conflict", "the revision is " + status), null);
                return;
            }
            if (parts[3].equals("baseline")) {
                revisions.forEach(other -> {
                    if (other.get("status").asString().equals("BASELINED")) {
                        ((ObjectNode) other).put("status", "SUPERSEDED");
                    }
                });
                revision.put("status", "BASELINED");
                event = "org.isecg.standards.standard.revision-baselined.v1";
            } else {
                revision.put("status", "RETIRED");
                event = "org.isecg.standards.standard.revision-retired.v1";
            }
        } else {
            answer(exchange, silently, 405, problem("about:blank", method), null);
            return;
        }
        store(standards, "standards/", code, standard, client, event);
        answer(exchange, silently, method.equals("POST") && parts.length == 2 ? 201 : 200, standard.toString(),
                "\"" + standard.get("version").asLong() + "\"");
    }

    /** A revision as the catalogue answers it: every field present, a parameter without unit with {@code "unit": null}. */
    private static ObjectNode stored(ObjectNode revision, String status) {
        revision.put("status", status);
        if (!revision.has("published")) {
            revision.putNull("published");
        }
        revision.withArrayProperty("keyParameters").forEach(parameter -> {
            if (!parameter.has("unit")) {
                ((ObjectNode) parameter).putNull("unit");
            }
        });
        return revision;
    }

    private static ObjectNode revisionOf(ArrayNode revisions, String label) {
        for (JsonNode revision : revisions) {
            if (revision.get("revision").asString().equals(label)) {
                return (ObjectNode) revision;
            }
        }
        return null;
    }

    /** 422 naming stewards while the replica trails, or for a steward the register does not have. */
    private boolean stewardsRefused(HttpExchange exchange, ObjectNode body, boolean silently) throws IOException {
        if (!body.has("stewards")) {
            return false;
        }
        String unknown = null;
        for (JsonNode steward : body.get("stewards")) {
            if (!entries.containsKey(steward.asString())) {
                unknown = steward.asString();
            }
        }
        if (stewardRefusals > 0) {
            stewardRefusals--;
            unknown = body.get("stewards").get(0).asString();
        }
        if (unknown == null) {
            return false;
        }
        ObjectNode problem = JSON.createObjectNode().put("type", "/problems/rule-violation").put("status", 422)
                .put("detail", "steward " + unknown + " is not an active agency of the register (it may be seconds behind)");
        problem.putArray("errors").addObject().put("field", "stewards").put("message", unknown + " is not in the register");
        answer(exchange, silently, 422, problem.toString(), null);
        return true;
    }

    private String clientOf(Map<String, String> headers) {
        String authorization = headers.getOrDefault("authorization", "");
        return authorization.startsWith("Bearer token-of-") ? authorization.substring("Bearer token-of-".length()) : null;
    }

    private static String problem(String type, String detail) {
        return JSON.createObjectNode().put("type", type).put("detail", detail).toString();
    }

    private static void answer(HttpExchange exchange, boolean silently, int status, String body, String etag) throws IOException {
        if (!silently) {
            respond(exchange, status, body, etag);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body, String etag) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        if (etag != null) {
            exchange.getResponseHeaders().set("ETag", etag);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
