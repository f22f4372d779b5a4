package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.isecg.contracts.EventTypes;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.isecg.web.idempotency.IdempotencyKey;
import org.isecg.web.idempotency.InFlightKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Publications sent with an Idempotency-Key: safe to retry, and nothing else changes. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardIdempotencyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;
    @Autowired
    PublishedEvents events;
    @Autowired
    ReactiveMongoOperations mongo;
    @Autowired
    InFlightKeys inFlight;

    /** Calls as the standards board: it publishes and revises standards. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndPublishesTheStandardOnce() {
        // given
        String code = uniqueCode();
        String key = newKey();
        EntityExchangeResult<String> first = published(key, aDockingStandard(code));

        // when
        EntityExchangeResult<String> retry = published(key, aDockingStandard(code));

        // then
        assertSameResponse(retry, first);
        assertThat(first.getResponseHeaders().getLocation()).hasToString("/api/v1/standards/" + code);
        events.awaitOne(EventTypes.STANDARD_PUBLISHED, code);
        await().atMost(PATIENCE).until(() -> stored(code).getList(OutboxEvent.FIELD, Document.class).isEmpty());
        assertThat(events.publishedSoFar(EventTypes.STANDARD_PUBLISHED, code)).hasSize(1);
    }

    @Test
    void aRetryWhoseStewardsAndParametersComeInAnotherOrderIsTheSameRequest() {
        // given
        String code = uniqueCode();
        String key = newKey();
        EntityExchangeResult<String> first = published(key, aDockingStandard(code));

        // when the stewards (a set) and the key parameters (a map) are sent in another order
        EntityExchangeResult<String> retry = published(key, aDockingStandard(code)
                .with("stewards", List.of("JAXA", "NASA", "ESA"))
                .revisions(List.of(Map.of("keyParameters", Map.of("passage_diameter", "800 mm", "androgynous", "yes"),
                        "published", "2016-05", "status", "BASELINED", "revision", "E"))));

        // then
        assertSameResponse(retry, first);
    }

    @Test
    void theSameKeyWithAnotherStandardIsRefusedAsAKeyUsedForAnotherRequest() {
        // given
        String code = uniqueCode();
        String key = newKey();
        published(key, aDockingStandard(code));

        // when
        publish(key, aDockingStandard(code).with("title", "Another title"))

                // then
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Docking System Standard " + code);
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIsAConflictAndCreatesNothing() {
        // given a request with the key is being processed
        String code = uniqueCode();
        String key = newKey();
        InFlightKeys.Claim inProgress = inFlight.claim("standards-board", IdempotencyKey.parse(key)).orElseThrow();

        // when
        try {
            publish(key, aDockingStandard(code))

                    // then
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-in-flight");
            http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
        } finally {
            inProgress.close();
        }
        published(key, aDockingStandard(code));
    }

    @Test
    void theKeyIsHonouredAfterARevisionAndTheRetryGetsTheFirstResponseNotTheCurrentStandard() {
        // given
        String code = uniqueCode();
        String key = newKey();
        EntityExchangeResult<String> first = published(key, aDockingStandard(code));
        http.put().uri("/api/v1/standards/{code}", code).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aDockingStandard(code).revision("F", "DRAFT", "2024").body())
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        // when
        EntityExchangeResult<String> retry = published(key, aDockingStandard(code));

        // then
        assertSameResponse(retry, first);
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(retry.getResponseBody()).doesNotContain("\"revision\":\"F\"");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectBody().jsonPath("$.revisions[1].revision").isEqualTo("F");
    }

    @Test
    void theIdempotencyRecordIsTheServersOwnAndABodyThatSendsOneIsRefused() {
        // given
        String code = uniqueCode();
        String key = newKey();

        // when
        publish(key, aDockingStandard(code).with("idempotency", Map.of("key", "forged", "caller", "someone-else")))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("idempotency"));
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
        published(key, aDockingStandard(code));

        // then the key was not spent on the refused body, and the record is the server's
        Document stored = stored(code).get("idempotency", Document.class);
        assertThat(stored.getString("key")).isEqualTo(IdempotencyKey.parse(key).value());
        assertThat(stored.getString("caller")).isEqualTo("standards-board");
    }

    @Test
    void theCreateOperationDocumentsTheIdempotencyKeyHeader() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/standards'].post.parameters[?(@.name == 'Idempotency-Key')].in")
                .isEqualTo("header")
                .jsonPath("$.paths['/api/v1/standards'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/standards'].post.responses['422']").exists()
                .jsonPath("$.paths['/api/v1/standards'].post.responses['201'].headers.ETag").exists();
    }

    private WebTestClient.ResponseSpec publish(String key, StandardDrafts draft) {
        return http.post().uri("/api/v1/standards").header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(draft.body()).exchange();
    }

    private EntityExchangeResult<String> published(String key, StandardDrafts draft) {
        return publish(key, draft).expectStatus().isCreated().expectBody(String.class).returnResult();
    }

    private static void assertSameResponse(EntityExchangeResult<String> retry, EntityExchangeResult<String> first) {
        assertThat(retry.getStatus()).isEqualTo(first.getStatus());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    }

    private Document stored(String code) {
        return mongo.findById(code, Document.class, StandardDocument.COLLECTION).block();
    }

    private static String newKey() {
        return "\"" + UUID.randomUUID() + "\"";
    }
}
