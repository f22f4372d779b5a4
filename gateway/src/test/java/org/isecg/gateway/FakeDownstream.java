package org.isecg.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for every service behind the gateway: records each request it gets and answers JSON
 * naming the path, with the trace id of the request's {@code traceparent} in X-Correlation-Id as
 * the services do. A path ending in {@code /slow} gets no answer until the downstream is closed; a
 * path ending in {@code /status/NNN} is answered with that status and a problem body of the
 * service's own; a query with {@code startAfter=N} is answered after N ms; one with {@code drip=1}
 * gets its body in {@value #DRIPS} parts {@value #DRIP_MILLIS} ms apart, as a stream does; while {@link #stall() stalled}, no
 * request is answered until {@link #recover()}.
 * {@link #refusingUrl()} names a port where nothing listens, for a service that is down.
 */
final class FakeDownstream implements AutoCloseable {

    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String TRACEPARENT = "traceparent";
    static final int DRIPS = 5;
    static final int DRIP_MILLIS = 500;
    private static final Pattern START_AFTER = Pattern.compile("startAfter=(\\d+)");
    private static final Pattern STATUS = Pattern.compile("/status/(\\d{3})$");

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile CountDownLatch stalled;

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

    /** A URL on loopback where nothing listens: every connection to it is refused. */
    static String refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://" + socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on no request is answered (each is held, as by a service stuck on its database) until {@link #recover()}. */
    void stall() {
        stalled = new CountDownLatch(1);
    }

    /** Answers again, the held requests too. */
    void recover() {
        CountDownLatch held = stalled;
        stalled = null;
        if (held != null) {
            held.countDown();
        }
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
            Matcher startAfter = START_AFTER.matcher(String.valueOf(exchange.getRequestURI().getRawQuery()));
            if (startAfter.find()) {
                closing.await(Long.parseLong(startAfter.group(1)), TimeUnit.MILLISECONDS);
            }
            CountDownLatch held = stalled;
            if (held != null) {
                held.await(30, TimeUnit.SECONDS);
            }
            int status = 200;
            byte[] body = ("{\"path\":\"" + path + "\"}").getBytes(UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            Matcher answered = STATUS.matcher(path);
            if (answered.find()) {
                status = Integer.parseInt(answered.group(1));
                body = serviceProblem(status).getBytes(UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            }
            exchange.getResponseHeaders().set("Server", "fake-downstream/1.0");
            if (exchange.getRequestURI().getRawQuery() != null && exchange.getRequestURI().getRawQuery().contains("drip=1")) {
                drip(exchange);
                return;
            }
            String traceparent = exchange.getRequestHeaders().getFirst(TRACEPARENT);
            if (traceparent != null && traceparent.length() > 35) {
                exchange.getResponseHeaders().set(CORRELATION_ID, traceparent.substring(3, 35));
            }
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drip(HttpExchange exchange) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int part = 0; part < DRIPS; part++) {
                out.write(("data: " + part + "\n\n").getBytes(UTF_8));
                out.flush();
                if (closing.await(DRIP_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    /** What the service itself answers with that status, recognisable in what the gateway passes on. */
    static String serviceProblem(int status) {
        return "{\"type\":\"/problems/from-the-service\",\"status\":" + status + ",\"detail\":\"the service's own answer\"}";
    }

    @Override
    public void close() {
        recover();
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
