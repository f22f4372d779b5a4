package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.roadmap.UpstreamFacts.agencyDeactivated;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.web.idempotency.IdempotencyKey;
import org.isecg.web.idempotency.InFlightKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Creating plans with an Idempotency-Key. The service chooses a plan's id, so without a key a retry
 * after a lost response would put a second plan on the roadmap.
 */
class PlanIdempotencyIT extends RoadmapContext {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ReactiveMongoOperations mongo;
    @Autowired
    InFlightKeys inFlight;

    String owner;
    String title;
    String key;

    @BeforeEach
    void anOwnerTheRoadmapKnowsAndAKey() {
        owner = uniqueCode("O");
        upstream.registered(owner);
        title = "Lander " + UUID.randomUUID();
        key = "\"" + UUID.randomUUID() + "\"";
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstResponseAndPutsOnePlanOnTheRoadmapWithOneEvent() {
        // given
        EntityExchangeResult<String> first = created(aLunarLander(owner).with("title", title));

        // when
        EntityExchangeResult<String> retry = created(aLunarLander(owner).with("title", title));

        // then
        assertSameResponse(retry, first);
        List<Document> plans = plansTitled(title);
        assertThat(plans).hasSize(1);
        String planId = plans.get(0).getString("_id");
        assertThat(first.getResponseHeaders().getLocation()).hasToString("/api/v1/plans/" + planId);
        events.awaitOne(EventTypes.PLAN_CREATED, planId);
        await().atMost(PATIENCE).until(() -> plansTitled(title).get(0).getList(OutboxEvent.FIELD, Document.class).isEmpty());
        assertThat(events.publishedSoFar(EventTypes.PLAN_CREATED, planId)).hasSize(1);
    }

    @Test
    void aRetryIsAnsweredWithTheFirstResponseEvenWhereTheCreateWouldNowBeRefused() {
        // given the plan was created, then its owner went inactive, which refuses new plans
        EntityExchangeResult<String> first = created(aLunarLander(owner).with("title", title));
        upstream.publish(agencyDeactivated(owner, 2));
        await().atMost(PATIENCE).until(() -> upstream.agencyStatuses(owner).get(owner) == AgencyStatus.INACTIVE);

        // when
        EntityExchangeResult<String> retry = created(aLunarLander(owner).with("title", title));

        // then
        assertSameResponse(retry, first);
        assertThat(plansTitled(title)).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherPlanIsRefusedAsAKeyUsedForAnotherRequest() {
        // given
        created(aLunarLander(owner).with("title", title));

        // when
        roadmap.create(aLunarLander(owner).with("title", title).window("2031-01-01", "2031-12-31"), key)

                // then
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/idempotency-key-reused")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(plansTitled(title)).hasSize(1);
    }

    @Test
    void aRequestWhoseKeyIsStillInFlightIsAConflictAndCreatesNothing() {
        // given a request with the key is being processed
        InFlightKeys.Claim inProgress = inFlight.claim("secretariat", IdempotencyKey.parse(key)).orElseThrow();

        // when
        try {
            roadmap.create(aLunarLander(owner).with("title", title), key)

                    // then
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/idempotency-key-in-flight");
            assertThat(plansTitled(title)).isEmpty();
        } finally {
            inProgress.close();
        }
        created(aLunarLander(owner).with("title", title));
        assertThat(plansTitled(title)).hasSize(1);
    }

    @Test
    void theKeyIsHonouredAfterThePlanChangedAndTheRetryGetsTheFirstResponseNotTheCurrentPlan() {
        // given
        EntityExchangeResult<String> first = created(aLunarLander(owner).with("title", title));
        String planId = plansTitled(title).get(0).getString("_id");
        roadmap.update(planId, "\"1\"", aLunarLander(owner).with("title", title).with("status", "APPROVED"))
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        // when
        EntityExchangeResult<String> retry = created(aLunarLander(owner).with("title", title));

        // then
        assertSameResponse(retry, first);
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(retry.getResponseBody()).contains("\"status\":\"PLANNED\"").contains("\"version\":1");
        assertThat(roadmap.read(planId)).containsEntry("version", 2).containsEntry("status", "APPROVED");
    }

    @Test
    void twoRequestsWithOneKeyAtOnceCreateOnePlanAndNeitherGetsAnotherAnswer() throws Exception {
        // given two clients' threads that send the same request the moment both are ready
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Callable<EntityExchangeResult<String>> send = () -> {
            together.await(10, TimeUnit.SECONDS);
            return roadmap.create(aLunarLander(owner).with("title", title), key).expectBody(String.class).returnResult();
        };

        // when
        List<EntityExchangeResult<String>> answers;
        try {
            Future<EntityExchangeResult<String>> one = clients.submit(send);
            Future<EntityExchangeResult<String>> other = clients.submit(send);
            answers = List.of(one.get(30, TimeUnit.SECONDS), other.get(30, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }

        // then: one plan; each answer is the creation's response, or a 409 while the other was in flight
        List<Document> plans = plansTitled(title);
        assertThat(plans).hasSize(1);
        String planId = plans.get(0).getString("_id");
        assertThat(answers).allSatisfy(answer -> {
            if (answer.getStatus().value() == 201) {
                assertThat(answer.getResponseHeaders().getLocation()).hasToString("/api/v1/plans/" + planId);
            } else {
                assertThat(answer.getStatus().value()).isEqualTo(409);
                assertThat(answer.getResponseBody()).contains("/problems/idempotency-key-in-flight");
            }
        });
        assertThat(answers).anySatisfy(answer -> assertThat(answer.getStatus().value()).isEqualTo(201));
    }

    @Test
    void withoutAKeyTwoIdenticalRequestsAreTwoPlansAsBefore() {
        roadmap.created(aLunarLander(owner).with("title", title));
        roadmap.created(aLunarLander(owner).with("title", title));

        assertThat(plansTitled(title)).hasSize(2);
    }

    @Test
    void theCreateOperationDocumentsTheIdempotencyKeyHeader() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/plans'].post.parameters[?(@.name == 'Idempotency-Key')].in").isEqualTo("header")
                .jsonPath("$.paths['/api/v1/plans'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/plans'].post.responses['422']").exists()
                .jsonPath("$.paths['/api/v1/plans'].post.responses['201'].headers.Location").exists();
    }

    private EntityExchangeResult<String> created(PlanDrafts draft) {
        return roadmap.create(draft, key).expectStatus().isCreated().expectBody(String.class).returnResult();
    }

    private List<Document> plansTitled(String title) {
        return mongo.find(Query.query(Criteria.where("title").is(title)), Document.class, PlanDocument.COLLECTION)
                .collectList().block();
    }

    private static void assertSameResponse(EntityExchangeResult<String> retry, EntityExchangeResult<String> first) {
        assertThat(retry.getStatus()).isEqualTo(first.getStatus());
        assertThat(retry.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(retry.getResponseHeaders().getETag()).isEqualTo(first.getResponseHeaders().getETag());
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
    }
}
