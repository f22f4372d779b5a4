package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.isecg.localstack.HubService;
import org.isecg.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * The thin path through the whole platform, as agencies would walk it through the gateway: two
 * agencies are registered, each puts a plan on the roadmap with its own token, and both hear of the
 * duplication in their own notifications. Every hop between services is a Kafka event.
 */
@ExtendWith(SharedStack.class)
class ThinPathIT {

    private static final Duration NOTIFICATION_PATIENCE = Duration.ofSeconds(60);

    private LocalStack stack;
    private HubClient hub;

    @BeforeEach
    void connect(LocalStack sharedStack) {
        stack = sharedStack;
        hub = new HubClient(stack.gatewayUrl(), stack.issuerUri());
    }

    @Test
    void twoAgenciesPlanningTheSameRoverAtTheSouthPoleBothFindTheDuplicationInTheirNotifications() {
        Scenario scenario = Scenario.fresh().registeredWith(hub);

        String roverPlan = hub.createPlan(scenario.first, scenario.roverPlanOfFirst());
        String landerPlan = hub.createPlan(scenario.second, scenario.landerPlanOfSecond());

        await("the duplication in both inboxes").atMost(NOTIFICATION_PATIENCE)
                .until(() -> hub.notificationsAbout(scenario.first, roverPlan).size() == 1
                        && hub.notificationsAbout(scenario.second, landerPlan).size() == 1);
        for (String agency : List.of(scenario.first, scenario.second)) {
            JsonNode entry = hub.notificationsAbout(agency, roverPlan, landerPlan).get(0);
            assertThat(entry.get("agency").asString()).isEqualTo(agency);
            assertThat(entry.get("change").asString()).isEqualTo("OPENED");
            assertThat(entry.get("kind").asString()).isEqualTo("DUPLICATION");
            assertThat(entry.get("severity").asString()).isEqualTo("HIGH");
            assertThat(entry.get("planIds").values()).extracting(JsonNode::asString)
                    .containsExactlyInAnyOrder(roverPlan, landerPlan);
            assertThat(entry.get("detail").asString()).contains("ROVER", "MOON " + scenario.region);
        }
        List<JsonNode> overlaps = hub.overlapsAbout(scenario.first, roverPlan, landerPlan);
        assertThat(overlaps).singleElement().satisfies(overlap -> {
            assertThat(overlap.get("state").asString()).isEqualTo("OPEN");
            assertThat(overlap.get("agencies").values()).extracting(JsonNode::asString)
                    .containsExactlyInAnyOrder(scenario.first, scenario.second);
        });
    }

    @Test
    void everyAnswerCarriesItsTraceIdAndBadInputIsAProblemDetailNotAnError() {
        // the secretariat imports a plan for an owner the register does not know
        HubClient.Response unknownOwner = hub.post("/api/v1/plans",
                Scenario.importedFor(Scenario.unknownAgency(), Scenario.fresh().roverPlanOfFirst()));

        assertThat(unknownOwner.status()).isEqualTo(422);
        assertThat(unknownOwner.body().get("type").asString()).isEqualTo("/problems/rule-violation");
        assertThat(unknownOwner.body().get("errors").get(0).get("field").asString()).isEqualTo("ownerAgency");
        assertThat(unknownOwner.headers().allValues("X-Correlation-Id")).singleElement().asString().matches("[0-9a-f]{32}");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HubClient.Response notFound = hub.getInTrace("/api/v1/agencies/NO-SUCH-AGENCY", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.headers().allValues("X-Correlation-Id")).containsExactly(traceId);
        assertThat(stack.service(HubService.GATEWAY).isAlive()).isTrue();
    }

    @Test
    void theIssuersTokensAreTheOnlyWayInAndEachClientDoesOnlyItsOwnWork() {
        Scenario scenario = Scenario.fresh();
        String unwelcome = Scenario.unknownAgency();
        Map<String, Object> registration = Map.of("code", unwelcome, "name", "Unwelcome Agency", "countries", List.of("FR"),
                "kind", "NATIONAL_AGENCY", "membership", "MEMBER", "memberSince", 2007);

        // no token: the gateway's own 401; NASA's real token: the agency service's 403
        HubClient.Response anonymous = hub.postAs(null, "/api/v1/agencies", registration);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(anonymous.body().get("type").asString()).isEqualTo("/problems/token-required");
        HubClient.Response nasa = hub.postAs("NASA", "/api/v1/agencies", registration);
        assertThat(nasa.status()).isEqualTo(403);
        assertThat(nasa.headers().firstValue("WWW-Authenticate")).get().asString()
                .contains("error=\"insufficient_scope\"", "scope=\"hub.secretariat\"");
        HubClient.Response board = hub.postAs("standards-board", "/api/v1/plans", scenario.roverPlanOfFirst());
        assertThat(board.status()).isEqualTo(403);
        assertThat(hub.get("/api/v1/agencies/" + unwelcome).status()).as("nothing registered").isEqualTo(404);

        // the secretariat registers; every member reads
        assertThat(hub.post("/api/v1/agencies", registration).status()).isEqualTo(201);
        assertThat(hub.get("/api/v1/agencies/" + unwelcome).status()).isEqualTo(200);
    }
}
