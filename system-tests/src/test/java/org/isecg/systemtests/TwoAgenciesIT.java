package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.isecg.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * Two agencies through the gateway with their own tokens from the stack's issuer, NASA's and ESA's: each
 * does its own work (its plans, created with no owner in the body, changed and withdrawn; its
 * notifications, read and marked read) and none of the other's (OWASP API1). Every refusal is checked for
 * its status and problem type, and for leaving the other's data as it was.
 */
@ExtendWith(SharedStack.class)
class TwoAgenciesIT {

    private static final String NASA = "NASA";
    private static final String ESA = "ESA";
    private static final Duration NOTIFICATION_PATIENCE = Duration.ofSeconds(60);

    private HubClient hub;
    private Scenario scenario;

    @BeforeEach
    void bothAgenciesRegistered(LocalStack stack) {
        hub = new HubClient(stack.gatewayUrl(), stack.issuerUri());
        scenario = Scenario.of(NASA, "US", ESA, "FR").registeredWith(hub);
    }

    @Test
    void eachAgencyCreatesChangesAndWithdrawsItsOwnPlanAndNoneOfTheOthers() {
        // each creates its own: the owner comes from the token
        HubClient.Response nasas = hub.createPlanAs(NASA, scenario.lander("NASA lander", "2030-01-01", "2031-12-31"));
        HubClient.Response esas = hub.createPlanAs(ESA, scenario.lander("ESA lander", "2034-01-01", "2035-12-31"));
        assertThat(nasas.body().get("ownerAgency").asString()).isEqualTo(NASA);
        assertThat(esas.body().get("ownerAgency").asString()).isEqualTo(ESA);
        assertThat(nasas.etag()).isEqualTo("\"1\"");
        String nasaPlan = nasas.body().get("planId").asString();
        String esaPlan = esas.body().get("planId").asString();

        // neither changes nor withdraws the other's, even naming its current version
        assertProblem(hub.putAs(ESA, "/api/v1/plans/" + nasaPlan, "\"1\"", scenario.lander("ESA's now", "2030-01-01", "2031-12-31")),
                403, "/problems/not-owner");
        assertProblem(hub.postAs(ESA, "/api/v1/plans/" + nasaPlan + "/withdrawal", "\"1\"", Map.of("reason", "ESA would rather")),
                403, "/problems/not-owner");
        assertProblem(hub.putAs(NASA, "/api/v1/plans/" + esaPlan, "\"1\"", scenario.lander("NASA's now", "2034-01-01", "2035-12-31")),
                403, "/problems/not-owner");
        assertProblem(hub.postAs(NASA, "/api/v1/plans/" + esaPlan + "/withdrawal", "\"1\"", Map.of("reason", "NASA would rather")),
                403, "/problems/not-owner");
        assertPlan(nasaPlan, NASA, "NASA lander", 1, false);
        assertPlan(esaPlan, ESA, "ESA lander", 1, false);

        // each changes its own
        HubClient.Response nasaChanged = hub.putAs(NASA, "/api/v1/plans/" + nasaPlan, "\"1\"",
                scenario.lander("NASA lander, later", "2030-06-01", "2031-12-31"));
        assertThat(nasaChanged.status()).as("NASA's change of its own plan: %s", nasaChanged).isEqualTo(200);
        assertThat(nasaChanged.etag()).isEqualTo("\"2\"");
        HubClient.Response esaChanged = hub.putAs(ESA, "/api/v1/plans/" + esaPlan, "\"1\"",
                scenario.lander("ESA lander, later", "2034-06-01", "2035-12-31"));
        assertThat(esaChanged.status()).as("ESA's change of its own plan: %s", esaChanged).isEqualTo(200);
        assertPlan(nasaPlan, NASA, "NASA lander, later", 2, false);
        assertPlan(esaPlan, ESA, "ESA lander, later", 2, false);

        // and withdraws its own
        HubClient.Response nasaWithdrawn = hub.postAs(NASA, "/api/v1/plans/" + nasaPlan + "/withdrawal", "\"2\"",
                Map.of("reason", "descoped"));
        assertThat(nasaWithdrawn.status()).as("NASA's withdrawal of its own plan: %s", nasaWithdrawn).isEqualTo(200);
        HubClient.Response esaWithdrawn = hub.postAs(ESA, "/api/v1/plans/" + esaPlan + "/withdrawal", "\"2\"",
                Map.of("reason", "descoped"));
        assertThat(esaWithdrawn.status()).as("ESA's withdrawal of its own plan: %s", esaWithdrawn).isEqualTo(200);
        assertPlan(nasaPlan, NASA, "NASA lander, later", 3, true);
        assertPlan(esaPlan, ESA, "ESA lander, later", 3, true);
    }

    @Test
    void aBodyThatNamesTheOwnerIsRefusedByNameFromAnAgencysTokenAndCreatesNothing() {
        for (String named : List.of(NASA, ESA)) {
            // given
            String title = "owner named " + named + " " + Scenario.unknownAgency();
            Map<String, Object> plan = Scenario.importedFor(named, scenario.lander(title, "2030-01-01", "2031-12-31"));

            // when
            HubClient.Response refused = hub.postAs(NASA, "/api/v1/plans", plan);

            // then
            assertProblem(refused, 400, "/problems/refused-fields");
            assertThat(refused.body().get("fields").values()).extracting(JsonNode::asString).containsExactly("ownerAgency");
            for (String owner : List.of(NASA, ESA)) {
                assertThat(plansOf(owner)).as("%s's plans", owner)
                        .noneMatch(stored -> stored.get("title").asString().equals(title));
            }
        }
    }

    @Test
    void eachAgencyReadsAndMarksItsOwnNotificationsOfASharedOverlapAndNoneOfTheOthers() {
        // given: two landers at the same part of the south pole in overlapping windows, a duplication of both
        String nasaPlan = hub.createPlan(NASA, scenario.lander("NASA south pole lander", "2030-01-01", "2032-12-31"));
        String esaPlan = hub.createPlan(ESA, scenario.lander("ESA south pole lander", "2031-01-01", "2033-12-31"));
        await("the duplication in both inboxes").atMost(NOTIFICATION_PATIENCE)
                .until(() -> hub.notificationsAbout(NASA, nasaPlan).size() == 1 && hub.notificationsAbout(ESA, esaPlan).size() == 1);
        JsonNode nasas = hub.notificationsAbout(NASA, nasaPlan).get(0);
        JsonNode esas = hub.notificationsAbout(ESA, esaPlan).get(0);
        assertThat(nasas.get("kind").asString()).isEqualTo("DUPLICATION");
        assertThat(nasas.get("planIds").values()).extracting(JsonNode::asString).containsExactlyInAnyOrder(nasaPlan, esaPlan);
        String overlapId = esas.get("overlapId").asString();
        assertThat(nasas.get("overlapId").asString()).isEqualTo(overlapId);

        // each reads its own inbox, with nothing of the other's in it
        assertOnlyOwnEntries(NASA, esas.get("entryId").asString());
        assertOnlyOwnEntries(ESA, nasas.get("entryId").asString());

        // ESA guesses NASA's entry id from its own entry, and cannot mark it read: not found, as an unknown one
        String guessed = NASA + ":" + overlapId + ":" + esas.get("overlapVersion").asLong();
        assertThat(guessed).isEqualTo(nasas.get("entryId").asString());
        assertProblem(hub.markReadAs(ESA, guessed), 404, "/problems/not-found");
        assertProblem(hub.markReadAs(NASA, esas.get("entryId").asString()), 404, "/problems/not-found");
        assertRead(NASA, nasaPlan, false);
        assertRead(ESA, esaPlan, false);

        // each marks its own, which leaves the other's as it was
        assertThat(hub.markReadAs(ESA, esas.get("entryId").asString()).status()).isEqualTo(204);
        assertRead(ESA, esaPlan, true);
        assertRead(NASA, nasaPlan, false);
        assertThat(hub.markReadAs(NASA, guessed).status()).isEqualTo(204);
        assertRead(NASA, nasaPlan, true);
    }

    @Test
    void notificationsAreOnlyAnAgencysOwnAndNoPathNamesAnAgencysInbox() {
        HubClient.Response secretariat = hub.getAs(HubClient.SECRETARIAT, "/api/v1/notifications");
        assertProblem(secretariat, 403, "/problems/insufficient-scope");
        assertThat(secretariat.headers().firstValue("WWW-Authenticate")).get().asString()
                .contains("error=\"insufficient_scope\"", "scope=\"hub.read\"");
        assertProblem(hub.getAs("operator", "/api/v1/notifications"), 403, "/problems/insufficient-scope");
        assertProblem(hub.getAs(null, "/api/v1/notifications"), 401, "/problems/token-required");
        assertProblem(hub.getAs(NASA, "/api/v1/inboxes/" + ESA), 404, "/problems/not-found");
    }

    private void assertOnlyOwnEntries(String agency, String othersEntry) {
        List<JsonNode> entries = hub.notifications(agency);
        assertThat(entries).as("%s's notifications", agency).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.get("agency").asString()).isEqualTo(agency))
                .noneMatch(entry -> entry.get("entryId").asString().equals(othersEntry));
    }

    private void assertRead(String agency, String planId, boolean read) {
        assertThat(hub.notificationsAbout(agency, planId)).as("%s's notification", agency).singleElement()
                .satisfies(entry -> assertThat(entry.get("read").asBoolean()).isEqualTo(read));
    }

    private void assertPlan(String planId, String owner, String title, long version, boolean withdrawn) {
        HubClient.Response plan = hub.get("/api/v1/plans/" + planId);
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body().get("ownerAgency").asString()).isEqualTo(owner);
        assertThat(plan.body().get("title").asString()).isEqualTo(title);
        assertThat(plan.body().get("version").asLong()).isEqualTo(version);
        assertThat(plan.body().get("withdrawn").asBoolean()).isEqualTo(withdrawn);
    }

    /** Every plan of the owner, withdrawn ones included, all pages. */
    private List<JsonNode> plansOf(String owner) {
        List<JsonNode> plans = new ArrayList<>();
        String token = null;
        do {
            HubClient.Response page = hub.get("/api/v1/plans?includeWithdrawn=true&pageSize=200&owner=" + owner
                    + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.status()).isEqualTo(200);
            page.body().get("items").forEach(plans::add);
            JsonNode next = page.body().get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null);
        return plans;
    }

    private static void assertProblem(HubClient.Response response, int status, String type) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo(type);
    }
}
