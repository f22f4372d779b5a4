package org.isecg.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.gateway.ProblemAssertions.assertProblem;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.DocumentContext;

/**
 * The gateway as application.yml ships it, only the services' addresses set: the defaults that the
 * other tests override to be quick (body limit, breaker, CORS) are the ones documented.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
class EdgeDefaultsIT {

    static final FakeDownstream DOWNSTREAM = FakeDownstream.start();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("AGENCY", "ROADMAP", "NOTIFICATION")) {
            registry.add(service + "_SERVICE_URL", DOWNSTREAM::url);
        }
        registry.add("STANDARDS_SERVICE_URL", FakeDownstream::refusingUrl);
    }

    @AfterAll
    static void stopTheDownstream() {
        DOWNSTREAM.close();
    }

    @Autowired
    WebTestClient http;

    @Test
    void aBodyOverOneMebibyteIsRefusedAndOneWithinIsForwarded() {
        // when
        EntityExchangeResult<byte[]> over = http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[1024 * 1024 + 1]).exchange().expectBody().returnResult();

        // then
        DocumentContext problem = assertProblem(over, 413, null, "Content Too Large");
        assertThat(problem.read("$.detail", String.class)).contains("1 MiB (1048576 bytes)");
        http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_OCTET_STREAM).bodyValue(new byte[1024 * 1024])
                .exchange().expectStatus().isOk();
    }

    @Test
    void noBrowserOriginMayCallTheApiUntilOneIsConfigured() {
        // when
        EntityExchangeResult<byte[]> result = http.options().uri("/api/v1/agencies")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173").header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange().expectBody().returnResult();

        // then
        assertProblem(result, 403, null, "Forbidden");
        http.get().uri("/api/v1/agencies").exchange().expectStatus().isOk();
    }

    @Test
    void aServiceThatIsDownIsToldToBeRetriedWhenItsBreakerWouldTryAgain() {
        // when
        EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/standards").exchange().expectBody().returnResult();

        // then
        assertProblem(result, 503, "/problems/service-unavailable", "Service Unavailable");
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
    }
}
