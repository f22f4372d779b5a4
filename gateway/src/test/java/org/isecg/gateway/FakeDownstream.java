package org.isecg.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for every service behind the gateway: records each request it gets and answers JSON
 * naming the path, with the trace id of the request's {@code traceparent} in X-Correlation-Id as
 * the services do. A path ending in {@code /slow} gets no answer until the downstream is closed.
 */
final class FakeDownstream implements AutoCloseable {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String TRACEPARENT = "traceparent";

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private FakeDownstream(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static FakeDownstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // its own threads: a slow answer must not hold up the others
            ExecutorService executor = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "fake-downstream");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            FakeDownstream downstream = new FakeDownstream(server, executor);
            server.createContext("/", downstream::answer);
            server.start();
            return downstream;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** The request that carried that probe in its query string, if it arrived. */
    Optional<Recorded> received(String probe) {
        return requests.stream().filter(request -> ("probe=" + probe).equals(request.query())).findFirst();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(exchange.getRequestHeaders());
            String path = exchange.getRequestURI().getPath();
            requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                    headers, new String(in.readAllBytes(), UTF_8)));
            if (path.endsWith("/slow")) {
                closing.await(30, TimeUnit.SECONDS);
            }
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            String traceparent = exchange.getRequestHeaders().getFirst(TRACEPARENT);
            if (traceparent != null && traceparent.length() > 35) {
                exchange.getResponseHeaders().set(CORRELATION_ID, traceparent.substring(3, 35));
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** A request as the downstream received it; header names are case-insensitive. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

        List<String> header(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }
}
