package org.isecg.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.gateway.ProblemAssertions.assertProblem;
import static org.isecg.gateway.ProblemAssertions.utf8;

import java.time.Duration;
import java.util.List;

import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TestTokensInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.DocumentContext;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Each route's circuit breaker against a service that stalls, refuses connections, recovers, or
 * answers errors of its own, over real HTTP. Small numbers so that the breaker opens after two
 * failures and tries again after two seconds, and a time limiter of 1.5 s; every test starts with
 * closed breakers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_RESPONSE_TIMEOUT_MS=" + CircuitBreakerIT.ROUTE_TIMEOUT_MILLIS,
        "GATEWAY_STREAM_RESPONSE_TIMEOUT_MS=4000",
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=" + CircuitBreakerIT.OPEN_SECONDS + "s",
        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=1",
        "resilience4j.timelimiter.configs.default.timeout-duration=" + CircuitBreakerIT.TIME_LIMIT_MILLIS + "ms"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TestTokensInitializer.class)
@ActiveProfiles("test")
class CircuitBreakerIT {

    static final int ROUTE_TIMEOUT_MILLIS = 1000;
    static final int OPEN_SECONDS = 2;
    /** Above the routes' timeout and below the time the stream's service takes to start. */
    static final int TIME_LIMIT_MILLIS = 1500;

    static final FakeDownstream DOWNSTREAM = FakeDownstream.start();
    /** The standards service is down: nothing listens where the gateway looks for it. */
    static final String DOWN = FakeDownstream.refusingUrl();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("AGENCY", "ROADMAP", "NOTIFICATION")) {
            registry.add(service + "_SERVICE_URL", DOWNSTREAM::url);
        }
        registry.add("STANDARDS_SERVICE_URL", () -> DOWN);
    }

    @AfterAll
    static void stopTheDownstream() {
        DOWNSTREAM.close();
    }

    @Autowired
    WebTestClient http;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void closedBreakersAndAnAnsweringService() {
        DOWNSTREAM.recover();
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        http = http.mutate().responseTimeout(Duration.ofSeconds(10))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().reader("NASA")).build();
    }

    @Test
    void aStalledServiceIsAServiceUnavailableProblemAfterTheRouteTimeoutAndThenAtOnceWhileTheBreakerIsOpen() {
        // given
        DOWNSTREAM.stall();

        // when the first calls wait for the route's timeout
        for (int call = 0; call < 2; call++) {
            long started = System.nanoTime();
            EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/plans/p-1").exchange().expectBody().returnResult();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // then each is a 503 within about the timeout, and says the request may have been carried out
            DocumentContext problem = assertProblem(result, 503, "/problems/service-unavailable", "Service Unavailable");
            assertThat(problem.read("$.detail", String.class)).contains("did not answer within 1000 ms", "Idempotency-Key");
            assertThat(problem.read("$.instance", String.class)).isEqualTo("/api/v1/plans/p-1");
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(OPEN_SECONDS));
            assertThat(took).isBetween(Duration.ofMillis(ROUTE_TIMEOUT_MILLIS - 50), Duration.ofMillis(ROUTE_TIMEOUT_MILLIS * 3L));
        }
        assertThat(breakers.circuitBreaker("plans").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // when the breaker is open
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> held = http.get().uri("/api/v1/plans/p-1").exchange().expectBody().returnResult();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then the answer comes at once, without asking the service
        DocumentContext problem = assertProblem(held, 503, "/problems/service-unavailable", "Service Unavailable");
        assertThat(problem.read("$.detail", String.class)).contains("holds its requests back");
        assertThat(held.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(OPEN_SECONDS));
        assertThat(took).isLessThan(Duration.ofMillis(ROUTE_TIMEOUT_MILLIS / 2));
    }

    @Test
    void theBreakerClosesAgainOnceTheServiceAnswersAgain() {
        // given an open breaker
        DOWNSTREAM.stall();
        for (int call = 0; call < 2; call++) {
            http.get().uri("/api/v1/agencies/ESA").exchange().expectStatus().isEqualTo(503);
        }
        assertThat(breakers.circuitBreaker("agencies").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // when the service recovers
        DOWNSTREAM.recover();

        // then, once the open spell is over, a trial call goes through and closes the breaker
        http.get().uri("/api/v1/agencies/ESA").exchange().expectStatus().isEqualTo(503);
        await().atMost(Duration.ofSeconds(OPEN_SECONDS * 3L)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                http.get().uri("/api/v1/agencies/ESA").exchange().expectStatus().isOk());
        assertThat(breakers.circuitBreaker("agencies").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        http.get().uri("/api/v1/agencies/ESA").exchange().expectStatus().isOk();
    }

    @Test
    void aServiceThatRefusesConnectionsIsAServiceUnavailableProblemThatNamesNoHostOrPort() {
        // given
        String port = DOWN.substring(DOWN.lastIndexOf(':') + 1);

        // when
        long started = System.nanoTime();
        EntityExchangeResult<byte[]> result = http.post().uri("/api/v1/standards").bodyValue("{}").exchange()
                .expectBody().returnResult();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // then
        DocumentContext problem = assertProblem(result, 503, "/problems/service-unavailable", "Service Unavailable");
        assertThat(problem.read("$.detail", String.class)).isEqualTo("the service behind this route cannot be reached");
        assertThat(utf8(result)).doesNotContain(port);
        assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(OPEN_SECONDS));
        assertThat(took).isLessThan(Duration.ofMillis(ROUTE_TIMEOUT_MILLIS));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 409, 412, 422})
    void aServicesClientErrorPassesThroughAndNeverCountsAgainstItsBreaker(int status) {
        // when
        for (int call = 0; call < 6; call++) {
            EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/overlaps/o-1/status/" + status).exchange()
                    .expectBody().returnResult();

            // then
            assertThat(result.getStatus().value()).isEqualTo(status);
            assertThat(utf8(result)).isEqualTo(FakeDownstream.serviceProblem(status));
        }
        CircuitBreaker breaker = breakers.circuitBreaker("overlaps");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void aServicesServerErrorPassesThroughAsItIsAndDoesNotTripTheBreaker(int status) {
        // when
        for (int call = 0; call < 6; call++) {
            EntityExchangeResult<byte[]> result = http.get().uri("/api/v1/notifications/status/" + status).exchange()
                    .expectBody().returnResult();

            // then
            assertThat(result.getStatus().value()).isEqualTo(status);
            assertThat(utf8(result)).isEqualTo(FakeDownstream.serviceProblem(status));
            assertThat(result.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        }
        assertThat(breakers.circuitBreaker("notifications").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void oneRoutesOpenBreakerLeavesTheOtherRoutesOfTheSameServiceAlone() {
        // given
        DOWNSTREAM.stall();
        for (int call = 0; call < 2; call++) {
            http.get().uri("/api/v1/subscriptions").exchange().expectStatus().isEqualTo(503);
        }
        DOWNSTREAM.recover();

        // when
        EntityExchangeResult<byte[]> sibling = http.get().uri("/api/v1/notifications").exchange().expectBody().returnResult();

        // then
        assertThat(breakers.circuitBreaker("subscriptions").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(sibling.getStatus().value()).isEqualTo(200);
    }

    @Test
    void theStreamMayTakeLongerToStartThanAnyOtherRouteAndThenLastsAsLongAsItRuns() {
        // given a service that starts answering after 2 s, past the other routes' timeout and the time
        // limiter, and then sends its events over 2.5 s
        String events = "data: 0\n\ndata: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n";

        // when
        EntityExchangeResult<byte[]> stream = http.get().uri("/api/v1/notifications/stream?startAfter=2000&drip=1")
                .exchange().expectBody().returnResult();
        EntityExchangeResult<byte[]> other = http.get().uri("/api/v1/notifications?startAfter=2000").exchange()
                .expectBody().returnResult();

        // then
        assertThat(stream.getStatus().value()).isEqualTo(200);
        assertThat(utf8(stream)).isEqualTo(events);
        DocumentContext problem = assertProblem(other, 503, "/problems/service-unavailable", "Service Unavailable");
        assertThat(problem.read("$.detail", String.class)).contains("did not answer within " + ROUTE_TIMEOUT_MILLIS + " ms");
    }
}
