package org.isecg.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.isecg.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The issuer as the services will see it: the real application on a real port, its issuer URL naming
 * that port, a key directory of its own, the clients file of an agency registered later, and the
 * agency register read from the embedded Kafka broker. Test classes that extend it share one running issuer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "isecg.identity.token-lifetime=2m",
        "IDENTITY_CLIENTS_FILE=src/test/resources/clients-registered-later.yml",
        "isecg.identity.agency-register.bootstrap-servers=${spring.kafka.bootstrap-servers}",
        "isecg.identity.agency-register.retry-backoff=500ms"})
@ActiveProfiles("test")
@EmbeddedInfrastructure
public abstract class RunningIssuer {

    protected static final int PORT = freePort();
    protected static final String ISSUER = "http://127.0.0.1:" + PORT;
    protected static final Path KEY_DIRECTORY = temporaryDirectory();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("isecg.identity.issuer", () -> ISSUER);
        registry.add("isecg.identity.keys.directory", KEY_DIRECTORY::toString);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("identity-keys");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
