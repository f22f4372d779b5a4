package org.isecg.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a service in the tests: serves {@code /actuator/health} on {@code SERVER_PORT}
 * with the JDK's HTTP server and prints the variables the stack sets. Like the real services it
 * does not watch its launcher itself: the {@link ParentWatchAgent} that every child runs with does.
 *
 * <p>{@code HEALTH_STATUS} (default {@code UP}) sets the reported status; anything but UP is
 * answered with 503, as Spring Boot's actuator does.
 */
public final class HealthEndpointMain {

    private HealthEndpointMain() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.forEach((name, value) -> {
            if (name.equals("SERVER_PORT") || name.startsWith("KAFKA_") || name.startsWith("MONGODB_")
                    || name.startsWith("SPRING_") || name.startsWith("ISECG_") || name.endsWith("_SERVICE_URL")
                    || name.equals("ISSUER_URI") || name.startsWith("IDENTITY_")) {
                System.out.println("env " + name + "=" + value);
            }
        });
        int port = Integer.parseInt(env.getOrDefault("SERVER_PORT", "8080"));
        String status = env.getOrDefault("HEALTH_STATUS", "UP");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/actuator/health", exchange -> answer(exchange, status));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("health endpoint stopping")));
        System.out.println("health endpoint listening on " + port);
    }

    private static void answer(HttpExchange exchange, String status) throws IOException {
        byte[] body = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders("UP".equals(status) ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
