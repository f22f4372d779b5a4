package org.isecg.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What an error body may never show a client (OWASP API8): the names of Java types and packages of the
 * service or of its libraries (Spring, Jackson, the MongoDB driver, Reactor, Netty), exception class
 * names, stack frames, and the members Boot's default error body would add. Problem details say what is
 * wrong in the client's terms; the log keeps the rest.
 */
public final class ErrorBodies {

    private static final List<Pattern> INTERNALS = List.of(
            Pattern.compile("\\bjava\\.[a-z]"),
            Pattern.compile("\\bjakarta\\.[a-z]"),
            Pattern.compile("org\\.springframework"),
            Pattern.compile("org\\.isecg"),
            Pattern.compile("tools\\.jackson|com\\.fasterxml"),
            Pattern.compile("com\\.mongodb|org\\.bson|de\\.bwaldvogel"),
            Pattern.compile("\\breactor\\.|io\\.netty"),
            Pattern.compile("[A-Z][A-Za-z]*(Exception|Error)\\b"),
            Pattern.compile("\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\("),
            Pattern.compile("Caused by"),
            Pattern.compile("\"(trace|stackTrace|exception|error|path|requestId)\"\\s*:"));

    private ErrorBodies() {
    }

    /** The body of the answer, which must be a problem detail of that status, for {@link #assertLeaksNothing}. */
    public static byte[] problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").exists()
                .returnResult().getResponseBody();
    }

    /**
     * Fails unless the body is free of internals and of each of the given strings (values only the
     * service's inside knows, such as a stored value that broke a read); returns it as text.
     */
    public static String assertLeaksNothing(byte[] body, String... secrets) {
        if (body == null) {
            throw new AssertionError("expected an error body, got none");
        }
        String text = new String(body, UTF_8);
        List<String> leaks = new ArrayList<>();
        for (Pattern internal : INTERNALS) {
            Matcher matcher = internal.matcher(text);
            if (matcher.find()) {
                leaks.add(matcher.group());
            }
        }
        for (String secret : secrets) {
            if (text.contains(secret)) {
                leaks.add(secret);
            }
        }
        if (!leaks.isEmpty()) {
            throw new AssertionError("the error body leaks " + leaks + ": " + text);
        }
        return text;
    }
}
