package org.isecg.web.connection;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TestTokensInitializer;
import org.isecg.web.testapp.WebTestApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * A persistent (keep-alive) connection goes on serving requests whatever the order in which its
 * answers are ready. The case that once stalled: a request arrives while the answer before it is
 * still being finished on another thread (a write answered from the Mongo driver's thread, as every
 * service's are), and is itself answered at once (a 400 or 401 that needs no I/O); the connection
 * then stopped reading, and the client's next request on it, typically the next test's first
 * write, got no answer at all. The requests go pipelined on one socket, which makes the arrival
 * order certain rather than a race.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestTokensInitializer.class)
class PersistentConnectionIT {

    /** Far above a loopback answer, far below a client's response timeout. */
    private static final Duration ANSWER = Duration.ofSeconds(5);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    @LocalServerPort
    int port;

    private Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    @BeforeEach
    void connect() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        InputStream in = socket.getInputStream();
        Thread reader = new Thread(() -> copy(in), "persistent-connection-reader");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
    }

    @Test
    void aRequestAnsweredAtOnceBehindOneAnsweredOnAnotherThreadLeavesTheConnectionServingTheNext() throws IOException {
        String token = TestTokens.shared().secretariat();
        // given the keys fetched, so that the requests below take only the time of their own work
        send(get("/test/greetings/warm-up", token));
        awaitAnswers(1);

        // when a request answered on another thread and, behind it on the same connection, one
        // answered at once (no token: a 401 that needs no I/O) arrive together
        send(get("/test/greetings/elsewhere", token) + get("/api/v1/things", null));
        awaitAnswers(3);

        // then the connection still reads: the next request is answered
        send(get("/test/greetings/next", token));
        awaitAnswers(4);
        assertThat(statuses()).containsExactly("200", "200", "401", "200");
    }

    private void awaitAnswers(int count) {
        await().atMost(ANSWER).untilAsserted(() -> assertThat(statuses()).as("answers on the connection:%n%s", text())
                .hasSize(count));
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    private void send(String requests) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(requests.getBytes(US_ASCII));
        out.flush();
    }

    /** The status of each answer received so far, in order. */
    private List<String> statuses() {
        Matcher status = STATUS_LINE.matcher(text());
        return status.results().map(result -> result.group(1)).toList();
    }

    private String text() {
        synchronized (received) {
            return received.toString(US_ASCII);
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) != -1; ) {
                synchronized (received) {
                    received.write(buffer, 0, read);
                }
            }
        } catch (IOException closed) {
            // the test closed the socket
        }
    }
}
