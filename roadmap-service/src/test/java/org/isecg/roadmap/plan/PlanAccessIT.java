package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may write plans, over real HTTP: bad tokens are 401 and create nothing; an agency's token
 * (hub.write and an agency claim) or the secretariat's import writes; the standards board, a reader
 * or a hub.write token of no agency cannot; the dead letters of the roadmap's replicas are the
 * operators' to see and replay, on the management port.
 */
class PlanAccessIT extends RoadmapContext {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @LocalManagementPort
    int managementPort;

    String owner;

    @BeforeEach
    void anOwnerTheRoadmapKnows() {
        owner = uniqueCode("A");
        upstream.registered(owner);
    }

    @Test
    void everyBadTokenIsA401ProblemAndCreatesNothing() {
        for (TestTokens.BadToken bad : TOKENS.badTokens()) {
            TokenExpectations.invalidToken(create(owner, bad.token()));
        }
        TokenExpectations.tokenRequired(anonymous.post().uri("/api/v1/plans")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aLunarLander(owner).body()).exchange());
        assertThat(plansOf(owner)).isEmpty();
    }

    @Test
    void theStandardsBoardAReaderAndAWriterOfNoAgencyCannotCreateAPlan() {
        String writerOfNoAgency = TOKENS.mint(TestTokens.Token.forClient("robot").scopes("hub.read", "hub.write"));
        for (String token : List.of(TOKENS.standardsBoard(), TOKENS.reader(owner), writerOfNoAgency)) {
            TokenExpectations.insufficientScope(create(owner, token), "hub.write hub.import");
        }
        assertThat(plansOf(owner)).isEmpty();
    }

    @Test
    void theStandardsBoardCannotChangeNorWithdrawAPlan() {
        String planId = roadmap.created(aLunarLander(owner));

        TokenExpectations.insufficientScope(http.put().uri("/api/v1/plans/{id}", planId)
                .headers(TestTokens.bearer(TOKENS.standardsBoard())).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aLunarLander(owner).with("title", "Moved").body())
                .exchange(), "hub.write hub.import");
        TokenExpectations.insufficientScope(http.post().uri("/api/v1/plans/{id}/withdrawal", planId)
                .headers(TestTokens.bearer(TOKENS.standardsBoard())).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "not theirs")).exchange(),
                "hub.write hub.import");

        http.get().uri("/api/v1/plans/{id}", planId).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.withdrawn").isEqualTo(false);
    }

    @Test
    void anAgencysTokenCreatesAPlan() {
        // without ownerAgency: an agency's plan is its own (PlanOwnershipIT)
        http.post().uri("/api/v1/plans").headers(TestTokens.bearer(TOKENS.agency(owner))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aLunarLander(owner).without("ownerAgency").body()).exchange().expectStatus().isCreated();

        assertThat(plansOf(owner)).hasSize(1);
    }

    @Test
    void aMemberCannotSeeNorReplayDeadLettersAndAnOperatorCan() {
        // 15 s per request, as ServiceIntegration gives the API's client: a loaded CI machine has taken longer than 5
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15)).build();

        TokenExpectations.insufficientScope(management.post().uri("/actuator/deadletters/{consumer}", "agency-replica")
                .headers(TestTokens.bearer(TOKENS.agency("NASA"))).exchange(), "hub.operator");
        TokenExpectations.insufficientScope(management.get().uri("/actuator/deadletters")
                .headers(TestTokens.bearer(TOKENS.secretariat())).exchange(), "hub.operator");
        TokenExpectations.tokenRequired(management.get().uri("/actuator/deadletters").exchange());
        management.get().uri("/actuator/deadletters").headers(TestTokens.bearer(TOKENS.operator())).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[*].consumer").value(List.class,
                        consumers -> assertThat(consumers).contains("agency-replica", "standard-replica"));
    }

    private WebTestClient.ResponseSpec create(String planOwner, String token) {
        return http.post().uri("/api/v1/plans").headers(TestTokens.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aLunarLander(planOwner).body()).exchange();
    }

    @SuppressWarnings("unchecked")
    private List<Object> plansOf(String planOwner) {
        Map<String, Object> page = http.get().uri("/api/v1/plans?owner={owner}", planOwner).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
        return (List<Object>) page.get("items");
    }
}
