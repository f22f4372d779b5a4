package org.isecg.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

/** What every answer of the gateway's own must be: a problem detail with the security headers, leaking nothing. */
final class ProblemAssertions {

    /** Words that would tell a client about the machinery behind the gateway. */
    private static final List<String> INTERNALS = List.of("127.0.0.1", "localhost", "Exception", "exception", "netty",
            "Netty", "reactor", "java.", "org.springframework", "io.github", "at org.", "Connection refused",
            "finishConnect", "static resource", "Request size is larger");

    private ProblemAssertions() {
    }

    /** Asserts the problem's shape and returns it for further checks. */
    static DocumentContext assertProblem(EntityExchangeResult<byte[]> result, int status, String type, String title) {
        assertThat(result.getStatus().value()).as("status").isEqualTo(status);
        assertThat(result.getResponseHeaders().getContentType()).as("content type")
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String body = new String(result.getResponseBodyContent(), UTF_8);
        DocumentContext problem = JsonPath.parse(body);
        assertThat(problem.read("$.status", Integer.class)).isEqualTo(status);
        assertThat(problem.read("$.title", String.class)).isEqualTo(title);
        if (type == null) {
            assertThat(body).as("about:blank is the type left out").doesNotContain("\"type\"");
        } else {
            assertThat(problem.read("$.type", String.class)).isEqualTo(type);
        }
        assertThat(problem.read("$.detail", String.class)).isNotBlank();
        assertLeaksNothing(body);
        assertSecurityHeaders(result.getResponseHeaders());
        return problem;
    }

    static void assertLeaksNothing(String body) {
        for (String internal : INTERNALS) {
            assertThat(body).as("names no internals").doesNotContain(internal);
        }
    }

    static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst(FakeDownstream.CORRELATION_ID)).matches("[0-9a-f]{32}");
    }

    static String utf8(EntityExchangeResult<byte[]> result) {
        byte[] body = result.getResponseBodyContent();
        return body == null ? "" : new String(body, UTF_8);
    }
}
