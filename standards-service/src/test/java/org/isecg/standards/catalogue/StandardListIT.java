package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Listing the catalogue: code order, optionally one domain, a page at a time. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardListIT {

    /** A token that does not advance would otherwise walk forever. */
    private static final int MAX_PAGES = 500;

    @Autowired
    WebTestClient http;

    /** Calls as the standards board: it publishes and revises standards. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Test
    void filteringByDomainListsOnlyThatDomainsStandards() {
        // given
        String prefix = uniquePrefix();
        publish(prefix + "-POWER", "POWER");
        publish(prefix + "-DOCKING", "DOCKING");

        // when
        List<Map<String, Object>> power = walk("POWER", 200);

        // then
        assertThat(power).extracting(standard -> standard.get("domain")).containsOnly("POWER");
        assertThat(power).extracting(standard -> standard.get("code"))
                .contains(prefix + "-POWER").doesNotContain(prefix + "-DOCKING");
    }

    @Test
    void pagesOfTwoOfOneDomainWalkAllItsStandardsInCodeOrderWithoutRepeatsOrGaps() {
        // given
        String prefix = uniquePrefix();
        List<String> ours = List.of(prefix + "-5", prefix + "-1", prefix + "-4", prefix + "-2", prefix + "-3");
        ours.forEach(code -> publish(code, "THERMAL"));
        publish(prefix + "-0", "AVIONICS");

        // when
        List<Map<String, Object>> walked = walk("THERMAL", 2);

        // then
        List<Object> codes = walked.stream().map(standard -> standard.get("code")).toList();
        List<Object> everything = walk("THERMAL", 200).stream().map(standard -> standard.get("code")).toList();
        assertThat(codes).isEqualTo(everything).doesNotHaveDuplicates()
                .containsSubsequence(prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4", prefix + "-5")
                .doesNotContain(prefix + "-0");
        assertThat(codes.stream().map(String.class::cast).toList()).isSorted();
    }

    @Test
    void aPageSizeOfZeroIsABadRequestNamingPageSize() {
        http.get().uri("/api/v1/standards?pageSize=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageSize");
    }

    @Test
    void aDomainOutsideTheVocabularyIsABadRequestNamingTheParameterAndTheValues() {
        http.get().uri("/api/v1/standards?domain=PLUMBING").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("domain")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .startsWith("'PLUMBING' is not one of [DOCKING, POWER"));
    }

    private List<Map<String, Object>> walk(String domain, int pageSize) {
        List<Map<String, Object>> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            StandardPage page = page(domain, pageSize, token);
            assertThat(page.items().size()).isLessThanOrEqualTo(pageSize);
            all.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null && ++pages < MAX_PAGES);
        assertThat(token).as("the walk ended on a last page").isNull();
        return all;
    }

    private StandardPage page(String domain, int size, String token) {
        return http.get().uri(builder -> builder.path("/api/v1/standards").queryParam("domain", domain)
                        .queryParam("pageSize", size).queryParamIfPresent("pageToken", Optional.ofNullable(token)).build())
                .exchange().expectStatus().isOk()
                .expectBody(StandardPage.class).returnResult().getResponseBody();
    }

    private void publish(String code, String domain) {
        http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).with("domain", domain).body()).exchange().expectStatus().isCreated();
    }

    private static String uniquePrefix() {
        return "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    record StandardPage(List<Map<String, Object>> items, String nextPageToken) {
    }
}
