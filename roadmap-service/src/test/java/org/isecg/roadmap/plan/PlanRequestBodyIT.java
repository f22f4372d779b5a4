package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.isecg.contracts.roadmap.Capability;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * OWASP API3 and API4 at the roadmap: a body that sets what only the roadmap sets, or fields no
 * request has (in a declared conformance too), is refused naming them all, and so is one over a limit;
 * either way no plan is created or changed.
 */
class PlanRequestBodyIT extends RoadmapContext {

    String owner;

    @BeforeEach
    void anAgencyInTheRegister() {
        owner = uniqueCode("M");
        upstream.registered(owner);
    }

    @Test
    void aCreateSettingServerOwnedAndUnknownFieldsIsRefusedNamingEveryOneAndCreatesNothing() {
        // given
        PlanDrafts draft = aLunarLander(owner).with("planId", "my-own-id").with("version", 5).with("withdrawn", true)
                .with("createdAt", "2020-01-01T00:00:00Z").with("budget", 1_000_000)
                .with("conformsTo", List.of(Map.of("standard", "IDSS", "revision", "E", "status", "BASELINED")));

        // when
        WebTestClient.ResponseSpec response = roadmap.create(draft);

        // then
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("conformsTo[0].status", "planId", "version", "withdrawn",
                        "createdAt", "budget"))
                .jsonPath("$.errors[?(@.field == 'planId')].message")
                .isEqualTo("is server-owned: the service sets it, a request may not")
                .jsonPath("$.errors[?(@.field == 'budget')].message").isEqualTo("is not a field of this request");
        assertThat(plansOf(owner)).isEmpty();
        http.get().uri("/api/v1/plans/{id}", "my-own-id").exchange().expectStatus().isNotFound();
    }

    @Test
    void anUpdateSettingTheVersionOrTheWithdrawalIsRefusedAndChangesNothing() {
        // given
        String planId = roadmap.created(aLunarLander(owner));

        // when
        WebTestClient.ResponseSpec response = roadmap.update(planId, "\"1\"", aLunarLander(owner)
                .with("title", "Renamed").with("version", 1).with("withdrawn", true).with("updatedAt", "2020-01-01T00:00:00Z"));

        // then
        response.expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("version", "withdrawn", "updatedAt"));
        assertThat(roadmap.read(planId)).containsEntry("version", 1).containsEntry("title", "South pole lander")
                .containsEntry("withdrawn", false);
    }

    @Test
    void aWithdrawalSettingTheStatusIsRefusedAndLeavesThePlanOnTheRoadmap() {
        // given
        String planId = roadmap.created(aLunarLander(owner));

        // when
        WebTestClient.ResponseSpec response = http.post().uri("/api/v1/plans/{id}/withdrawal", planId)
                .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "budget", "status", "CANCELLED")).exchange();

        // then
        response.expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("status"));
        assertThat(roadmap.read(planId)).containsEntry("version", 1).containsEntry("withdrawn", false)
                .containsEntry("status", "PLANNED");
    }

    @Test
    void listsLongerThanTheirLimitsAreRefusedNamingEachAndCreateNothing() {
        // given
        List<String> partners = IntStream.rangeClosed(1, 41).mapToObj(i -> "PA" + i).toList();
        List<String> dependsOn = IntStream.rangeClosed(1, 41).mapToObj(i -> "plan-" + i).toList();
        List<Map<String, String>> conformsTo = IntStream.rangeClosed(1, 41)
                .mapToObj(i -> Map.of("standard", "STD" + i, "revision", "A")).toList();

        // when
        WebTestClient.ResponseSpec response = roadmap.create(aLunarLander(owner).with("partners", partners)
                .with("dependsOn", dependsOn).with("conformsTo", conformsTo));

        // then
        response.expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors[?(@.field == 'partners')].message").isEqualTo("size must be between 0 and 40")
                .jsonPath("$.errors[?(@.field == 'dependsOn')].message").isEqualTo("size must be between 0 and 40")
                .jsonPath("$.errors[?(@.field == 'conformsTo')].message").isEqualTo("size must be between 0 and 40");
        assertThat(plansOf(owner)).isEmpty();
    }

    @Test
    void stringsLongerThanTheirLimitsAreRefusedNamingEach() {
        roadmap.create(aLunarLander(owner).with("title", "T".repeat(201)).dependsOn("p".repeat(65))
                        .conformsTo("S".repeat(33), "A"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')].message").isEqualTo("size must be between 0 and 200")
                .jsonPath("$.errors[?(@.field =~ /dependsOn.*/)].message").isEqualTo("size must be between 0 and 64")
                .jsonPath("$.errors[?(@.field =~ /conformsTo.*standard/)].message").isEqualTo("size must be between 0 and 32");
        assertThat(plansOf(owner)).isEmpty();
    }

    @Test
    void aBodyOverTheServicesLimitIsA413ProblemNamingTheLimitAndCreatesNothing() {
        roadmap.create(aLunarLander(owner).with("title", "t".repeat(1_100_000))).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("the request body is larger than the limit of 1 MiB (1048576 bytes)");
        assertThat(plansOf(owner)).isEmpty();
    }

    @Test
    void aPageSizeAboveTheMaximumIsRefusedNamingTheMaximumRatherThanClamped() {
        http.get().uri("/api/v1/plans?pageSize=201").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("pageSize")
                .jsonPath("$.errors[0].message").isEqualTo("pageSize must be between 1 and 200");
    }

    @Test
    void theCapabilitiesLimitIsEveryCapabilityOnce() {
        assertThat(PlanRequests.CAPABILITIES).isEqualTo(Capability.values().length);
    }

    private List<Object> plansOf(String agency) {
        return roadmap.list("owner=" + agency + "&includeWithdrawn=true").planIds();
    }
}
