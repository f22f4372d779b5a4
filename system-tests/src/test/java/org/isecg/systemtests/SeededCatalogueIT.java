package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.localstack.HubService;
import org.isecg.localstack.LocalStack;
import org.isecg.seeding.standards.StandardDataset;
import org.isecg.seeding.standards.StandardEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * The interface standards as the stack seeds them at start, through the gateway: the project's catalogue is
 * listed whole, and a new IDSS revision the standards board baselines supersedes F in one write, and reaches
 * the roadmap's replica (a plan may now declare conformance to it) and the notifier's projection (read on its
 * management port with the operator's token). The seeding tool leaves the board's change as it made it.
 */
@ExtendWith(SharedStack.class)
class SeededCatalogueIT {

    private static final String BOARD = "standards-board";
    private static final String OPERATOR = "operator";

    private HubClient hub;
    private LocalStack stack;

    @BeforeEach
    void client(LocalStack sharedStack) {
        stack = sharedStack;
        hub = new HubClient(stack.gatewayUrl(), stack.issuerUri());
    }

    @Test
    void theCatalogueListsEveryStandardOfTheDatasetWithItsRevisionsAsTheyHappened() {
        assertThat(stack.seedReport()).as("seeded at start").isPresent();
        assertThat(stack.seedReport().get().failed()).as(stack.seedReport().get().render()).isFalse();

        Map<String, JsonNode> catalogue = catalogue();

        Set<String> codes = StandardDataset.bundled().stream().map(StandardEntry::code).collect(Collectors.toSet());
        assertThat(catalogue.keySet()).containsAll(codes);
        assertThat(codes).contains("IDSS", "ISPSIS", "ISCSIS", "IASIS", "IECLSS", "LNIS", "CCSDS-211");
        JsonNode idss = catalogue.get("IDSS");
        assertThat(idss.get("domain").asString()).isEqualTo("DOCKING");
        assertThat(idss.get("revisions").values()).extracting(revision -> revision.get("revision").asString())
                .startsWith("E", "F");
        assertThat(revision(idss, "E").get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(revision(idss, "E").get("keyParameters").values())
                .anySatisfy(parameter -> {
                    assertThat(parameter.get("name").asString()).isEqualTo("passage_diameter");
                    assertThat(parameter.get("value").asString()).isEqualTo("800");
                    assertThat(parameter.get("unit").asString()).isEqualTo("mm");
                });
        JsonNode history = hub.get("/api/v1/standards/IDSS/history").body();
        assertThat(history.get("entries").get(0).get("client").asString()).isEqualTo(LocalStack.SEEDING_CLIENT);
        // the domain filter lists only that domain
        HubClient.Response docking = hub.get("/api/v1/standards?domain=DOCKING&pageSize=200");
        assertThat(docking.body().get("items").values()).isNotEmpty()
                .allSatisfy(standard -> assertThat(standard.get("domain").asString()).isEqualTo("DOCKING"));
    }

    @Test
    void aNewIdssRevisionBaselinedByTheBoardSupersedesFAndReachesTheRoadmapAndTheNotifier() {
        // given: IDSS as seeded, and a plan declaring conformance to a revision G it does not have yet
        HubClient.Response idss = hub.get("/api/v1/standards/IDSS");
        assertThat(idss.status()).as("%s", idss).isEqualTo(200);
        long seeded = idss.body().get("version").asLong();
        assertThat(revision(idss.body(), "F").get("status").asString()).isEqualTo("BASELINED");
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("title", "Docking adapter conforming to IDSS G (system test)",
                "destination", "MOON", "capabilities", List.of("HABITAT"), "start", "2031-01-01", "end", "2033-12-31",
                "status", "CONCEPT", "conformsTo", List.of(Map.of("standard", "IDSS", "revision", "G"))));
        HubClient.Response unknownRevision = hub.postAs("NASA", "/api/v1/plans", plan);
        assertThat(unknownRevision.status()).as("a revision the roadmap does not know yet: %s", unknownRevision).isEqualTo(422);

        // when: the board adds revision G and baselines it
        HubClient.Response added = hub.postAs(BOARD, "/api/v1/standards/IDSS/revisions", idss.etag(),
                Map.of("revision", "G", "published", "2026-11", "keyParameters",
                        List.of(Map.of("name", "passage_diameter", "value", "800", "unit", "mm"))));
        assertThat(added.status()).as("%s", added).isEqualTo(201);
        assertThat(revision(added.body(), "G").get("status").asString()).isEqualTo("DRAFT");
        HubClient.Response baselined = hub.postAs(BOARD, "/api/v1/standards/IDSS/revisions/G/baseline", added.etag(), Map.of());

        // then: F superseded in the same write
        assertThat(baselined.status()).as("%s", baselined).isEqualTo(200);
        assertThat(revision(baselined.body(), "G").get("status").asString()).isEqualTo("BASELINED");
        assertThat(revision(baselined.body(), "F").get("status").asString()).isEqualTo("SUPERSEDED");
        assertThat(baselined.body().get("version").asLong()).isEqualTo(seeded + 2);
        // the roadmap's replica: a plan may now declare conformance to G (retried while the replica catches up)
        String planId = createOnceTheRoadmapKnowsG(plan);
        assertThat(hub.get("/api/v1/plans/" + planId).body().get("conformsTo").toString()).contains("IDSS").contains("\"G\"");
        // the notifier's projection, on its management port
        String projection = stack.managementUrl(HubService.NOTIFICATION_SERVICE) + "/actuator/standards/IDSS";
        await("the notifier's projection of IDSS").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    HubClient.Response seen = hub.getAtAs(OPERATOR, projection);
                    assertThat(seen.status()).as("%s", seen).isEqualTo(200);
                    assertThat(seen.body().get("version").asLong()).isEqualTo(seeded + 2);
                    assertThat(revision(seen.body(), "F").get("status").asString()).isEqualTo("SUPERSEDED");
                    assertThat(revision(seen.body(), "G").get("status").asString()).isEqualTo("BASELINED");
                });
        // and only an operator reads it
        assertThat(hub.getAtAs("NASA", projection).status()).isEqualTo(403);
    }

    /** The roadmap's replica follows the standards topic by moments: a 422 until it has G, then the plan. */
    private String createOnceTheRoadmapKnowsG(Map<String, Object> plan) {
        HubClient.Response[] last = new HubClient.Response[1];
        await("the roadmap accepts conformance to IDSS G").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    last[0] = hub.postAs("NASA", "/api/v1/plans", plan);
                    assertThat(last[0].status()).as("%s", last[0]).isIn(201, 422);
                    return last[0].status() == 201;
                });
        return last[0].body().get("planId").asString();
    }

    private static JsonNode revision(JsonNode standard, String label) {
        return standard.get("revisions").values().stream().filter(revision -> revision.get("revision").asString().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no revision " + label + " in " + standard));
    }

    private Map<String, JsonNode> catalogue() {
        Map<String, JsonNode> standards = new LinkedHashMap<>();
        String token = null;
        do {
            HubClient.Response page = hub.get("/api/v1/standards?pageSize=10" + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.status()).as("a page of the catalogue: %s", page).isEqualTo(200);
            page.body().get("items").forEach(item -> standards.put(item.get("code").asString(), item));
            JsonNode next = page.body().get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null);
        return standards;
    }
}
