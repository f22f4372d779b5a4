package org.isecg.roadmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.roadmap.UpstreamFacts.uniqueCode;
import static org.isecg.roadmap.plan.PlanDrafts.aLunarLander;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Listing plans: by owner and destination, in id order, withdrawn ones only on request. */
class PlanListIT extends RoadmapContext {

    /** A token that does not advance would otherwise walk forever. */
    private static final int MAX_PAGES = 500;

    String owner;
    String lunar;
    String martian;
    String withdrawn;

    @BeforeEach
    void anOwnerWithPlansAtTheMoonAndMarsOneOfThemWithdrawn() {
        owner = uniqueCode("O");
        upstream.registered(owner);
        lunar = roadmap.created(aLunarLander(owner));
        martian = roadmap.created(aLunarLander(owner).with("destination", "MARS").with("region", "JEZERO"));
        withdrawn = roadmap.created(aLunarLander(owner).with("title", "Withdrawn lander"));
        roadmap.withdraw(withdrawn, "\"1\"", "descoped").expectStatus().isOk();
    }

    @Test
    void anOwnersListLeavesOutWithdrawnPlans() {
        assertThat(roadmap.list("owner=" + owner).planIds()).containsExactlyInAnyOrder(lunar, martian);
    }

    @Test
    void anOwnersListIncludesWithdrawnPlansOnRequest() {
        assertThat(roadmap.list("owner=" + owner + "&includeWithdrawn=true").planIds())
                .containsExactlyInAnyOrder(lunar, martian, withdrawn);
    }

    @Test
    void aDestinationNarrowsTheList() {
        // when
        List<Object> ownersMartianPlans = roadmap.list("owner=" + owner + "&destination=MARS").planIds();
        RoadmapApi.PlanPage everyMartianPlan = roadmap.list("destination=MARS&pageSize=200");

        // then
        assertThat(ownersMartianPlans).containsExactly(martian);
        assertThat(everyMartianPlan.items()).extracting(plan -> plan.get("destination")).containsOnly("MARS");
        assertThat(everyMartianPlan.planIds()).contains(martian).doesNotContain(lunar);
    }

    @Test
    void aDestinationWithWithdrawnOnRequestKeepsBothFilters() {
        assertThat(roadmap.list("owner=" + owner + "&destination=MOON&includeWithdrawn=true").planIds())
                .containsExactlyInAnyOrder(lunar, withdrawn);
    }

    @Test
    void pagesOfOneWalkAnOwnersPlansInIdOrder() {
        // when
        List<Object> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            RoadmapApi.PlanPage page = roadmap.list("owner=" + owner + "&includeWithdrawn=true&pageSize=1"
                    + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.items()).hasSize(1);
            walked.addAll(page.planIds());
            token = page.nextPageToken();
        } while (token != null && ++pages < MAX_PAGES);

        // then
        assertThat(walked).containsExactlyInAnyOrder(lunar, martian, withdrawn);
        assertThat(walked.stream().map(String.class::cast).toList()).isSorted();
    }

    @Test
    void aPageSizeOfZeroIsABadRequestNamingPageSize() {
        http.get().uri("/api/v1/plans?pageSize=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageSize");
    }
}
