package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.uniqueCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.isecg.contracts.EventTypes;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.isecg.web.idempotency.IdempotencyKey;
import org.isecg.web.idempotency.InFlightKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Registrations sent with an Idempotency-Key: safe to retry, and nothing else changes. */
@ServiceIntegration
class AgencyIdempotencyIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;
    @Autowired
    PublishedEvents events;
    @Autowired
    ReactiveMongoOperations mongo;
    @Autowired
    InFlightKeys inFlight;

    /** Calls as the secretariat: it manages the register. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndRegistersTheAgencyOnce() {
        // given
        String code = uniqueCode();
        String key = newKey();
        EntityExchangeResult<String> first = register(key, aMember(code).registration());

        // when
        EntityExchangeResult<String> retry = register(key, aMember(code).registration());

        // then
        assertThat(first.getStatus().value()).isEqualTo(201);
        assertSameResponse(retry, first);
        assertThat(first.getResponseHeaders().getLocation()).hasToString("/api/v1/agencies/" + code);
        events.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
        assertThat(events.publishedSoFar(EventTypes.AGENCY_REGISTERED, code)).hasSize(1);
    }

    @Test
    void aRetryWhoseBodyDiffersOnlyInWhitespaceAndMemberOrderIsTheSameRequest() {
        // given
        String code = uniqueCode();
        String key = newKey();
        EntityExchangeResult<String> first = register(key, aMember(code).registration());

        // when the retry is written by hand, members reversed and spread over lines
        String sameRequest = """
                {
                  "website" : "https://www.%s.example.org/isecg",
                  "contactEmail" : "liaison@%s.example.org",
                  "memberSince" : 2015,
                  "membership" : "MEMBER",
                  "kind" : "NATIONAL_AGENCY",
                  "countries" : [ "FR" ],
                  "name" : "Test Space Agency %s",
                  "code" : "%s"
                }
                """.formatted(code.toLowerCase(), code.toLowerCase(), code, code);
        EntityExchangeResult<String> retry = register(key, sameRequest);

        // then
        assertSameResponse(retry, first);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAsAKeyUsedForAnotherRequest() {
        // given
        String code = uniqueCode();
        String other = uniqueCode();
        String key = newKey();
        register(key, aMember(code).registration());

        // when
        WebTestClient.ResponseSpec response = http.post().uri("/api/v1/agencies").header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(other).registration()).exchange();

        // then
        response.expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("was already used for another request"))
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        http.get().uri("/api/v1/agencies/{code}", other).exchange().expectStatus().isNotFound();
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIsAConflictAndCreatesNothing() {
        // given a request with the key is being processed
        String code = uniqueCode();
        String key = newKey();
        InFlightKeys.Claim inProgress = inFlight.claim("secretariat", IdempotencyKey.parse(key)).orElseThrow();

        // when
        try {
            http.post().uri("/api/v1/agencies").header(IdempotencyKey.HEADER, key)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(code).registration()).exchange()

                    // then
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/idempotency-key-in-flight")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("still being processed"));
            http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
        } finally {
            inProgress.close();
        }
        assertThat(register(key, aMember(code).registration()).getStatus().value()).isEqualTo(201);
    }

    @Test
    void theKeyIsHonouredAfterTheEntryChangedAndTheRetryGetsTheFirstResponseNotTheCurrentEntry() {
        // given
        String code = uniqueCode();
        String key = newKey();
        EntityExchangeResult<String> first = register(key, aMember(code).registration());
        http.put().uri("/api/v1/agencies/{code}", code).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(code).with("name", "Renamed").update())
                .exchange().expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        // when
        EntityExchangeResult<String> retry = register(key, aMember(code).registration());

        // then
        assertSameResponse(retry, first);
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(retry.getResponseBody()).contains("\"version\":1").contains("Test Space Agency " + code)
                .doesNotContain("Renamed");
        http.get().uri("/api/v1/agencies/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.name").isEqualTo("Renamed");
    }

    @Test
    void theIdempotencyRecordIsTheServersOwnAndABodyThatSendsOneIsRefused() {
        // given bodies that try to set the stored record
        Map<String, Object> forged = Map.of("key", "forged", "caller", "someone-else", "fingerprint", "x",
                "response", Map.of("status", 200, "body", "{}"));
        String keyed = uniqueCode();
        String unkeyed = uniqueCode();
        String key = newKey();

        // when
        for (String code : List.of(keyed, unkeyed)) {
            WebTestClient.RequestBodySpec request = http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON);
            if (code.equals(keyed)) {
                request.header(IdempotencyKey.HEADER, key);
            }
            request.bodyValue(aMember(code).with("idempotency", forged).registration()).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.fields").isEqualTo(List.of("idempotency"));
            http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
        }
        register(key, aMember(keyed).registration());

        // then the key was not spent on the refused body, and the record is the server's
        Document stored = stored(keyed).get("idempotency", Document.class);
        assertThat(stored.getString("key")).isEqualTo(IdempotencyKey.parse(key).value());
        assertThat(stored.getString("caller")).isEqualTo("secretariat");
        assertThat(stored.getString("fingerprint")).startsWith("sha-256:");
        assertThat(stored.get("response", Document.class).getInteger("status")).isEqualTo(201);
    }

    @Test
    void keysArePerValidatedClientSoAnotherClientsSameKeyIsItsOwnRequest() {
        // given the secretariat's registration under a key
        String code = uniqueCode();
        String other = uniqueCode();
        String key = newKey();
        register(key, aMember(code).registration());
        String deputy = TestTokens.shared().mint(TestTokens.Token.forClient("deputy-secretariat")
                .scopes("hub.read", "hub.secretariat"));

        // when another client with the secretariat's scope sends the same key with another body
        http.post().uri("/api/v1/agencies").header(IdempotencyKey.HEADER, key)
                .headers(TestTokens.bearer(deputy))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(other).registration()).exchange()

                // then it is a request of its own, not a reuse of the secretariat's key
                .expectStatus().isCreated();
        assertThat(stored(other).get("idempotency", Document.class).getString("caller")).isEqualTo("deputy-secretariat");
        assertThat(stored(code).get("idempotency", Document.class).getString("caller")).isEqualTo("secretariat");
    }

    @Test
    void aKeyDoesNotTurnARegistrationOfACodeAlreadyTakenIntoARetry() {
        // given
        String code = uniqueCode();
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange().expectStatus().isCreated();

        // when / then
        http.post().uri("/api/v1/agencies").header(IdempotencyKey.HEADER, newKey())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(code).registration()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/conflict");
    }

    @Test
    void aKeyThatIsNotOneStringOfPrintableAsciiIsABadRequestNamingTheHeader() {
        for (String malformed : List.of("\"\"", "\"" + "k".repeat(256) + "\"", "\"one\", \"two\"", "\"k\";x=1")) {
            String code = uniqueCode();
            http.post().uri("/api/v1/agencies").header(IdempotencyKey.HEADER, malformed)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(code).registration()).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
            http.get().uri("/api/v1/agencies/{code}", code).exchange().expectStatus().isNotFound();
        }
    }

    private EntityExchangeResult<String> register(String key, Object body) {
        return http.post().uri("/api/v1/agencies").header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult();
    }

    private static void assertSameResponse(EntityExchangeResult<String> retry, EntityExchangeResult<String> first) {
        assertThat(retry.getStatus()).isEqualTo(first.getStatus());
        HttpHeaders retried = retry.getResponseHeaders();
        assertThat(retried.getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(retried.getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    }

    private Document stored(String code) {
        return mongo.findById(code, Document.class, AgencyDocument.COLLECTION).block();
    }

    private List<Document> outboxOf(String code) {
        return stored(code).getList(OutboxEvent.FIELD, Document.class, List.of());
    }

    private static String newKey() {
        return "\"" + UUID.randomUUID() + "\"";
    }
}
