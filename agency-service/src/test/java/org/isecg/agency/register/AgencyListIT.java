package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Listing the register: code order, a page at a time, with no entry repeated or skipped. */
@ServiceIntegration
class AgencyListIT {

    /** A token that does not advance would otherwise walk forever. */
    private static final int MAX_PAGES = 500;

    @Autowired
    WebTestClient http;

    /** Calls as the secretariat: it manages the register. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().secretariat()).build();
    }

    @Test
    void pagesOfTwoWalkTheWholeRegisterInCodeOrderWithoutRepeatsOrGaps() {
        // given five agencies of our own (the register also holds other tests' agencies)
        String prefix = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        List<String> ours = IntStream.rangeClosed(1, 5).mapToObj(i -> prefix + "-" + i).toList();
        // registered out of order: the list sorts, it does not replay insertion order
        List<String> registrationOrder = new ArrayList<>(ours);
        Collections.reverse(registrationOrder);
        registrationOrder.forEach(code -> http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aMember(code).registration()).exchange().expectStatus().isCreated());

        // when
        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            AgencyPage page = page(2, token);
            pageSizes.add(page.items().size());
            page.items().forEach(agency -> walked.add((String) agency.get("code")));
            token = page.nextPageToken();
        } while (token != null && pageSizes.size() <= MAX_PAGES);

        // then
        AgencyPage everything = page(200, null);
        assertThat(token).as("the walk ended on a last page").isNull();
        assertThat(everything.nextPageToken()).isNull();
        List<String> all = everything.items().stream().map(agency -> (String) agency.get("code")).toList();
        assertThat(walked).isEqualTo(all).isSorted().doesNotHaveDuplicates().containsSubsequence(ours);
        assertThat(pageSizes.subList(0, pageSizes.size() - 1)).allMatch(size -> size == 2);
        assertThat(pageSizes.get(pageSizes.size() - 1)).isBetween(1, 2);
    }

    @Test
    void aPageTokenLeadsPastTheLastEntryOfItsPage() {
        // given
        String prefix = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        List.of(prefix + "-A", prefix + "-B", prefix + "-C").forEach(code -> http.post().uri("/api/v1/agencies")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(aMember(code).registration())
                .exchange().expectStatus().isCreated());
        AgencyPage first = page(1, null);

        // when
        AgencyPage second = page(1, first.nextPageToken());

        // then
        String firstCode = (String) first.items().get(0).get("code");
        String secondCode = (String) second.items().get(0).get("code");
        assertThat(secondCode).isGreaterThan(firstCode);
    }

    @Test
    void aPageSizeOfZeroIsABadRequestNamingPageSize() {
        http.get().uri("/api/v1/agencies?pageSize=0").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageSize");
    }

    @Test
    void aPageTokenTheServiceDidNotIssueIsABadRequestNamingPageToken() {
        http.get().uri("/api/v1/agencies?pageToken={token}", "not base64 !").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageToken");
    }

    private AgencyPage page(int size, String token) {
        return http.get().uri(builder -> builder.path("/api/v1/agencies").queryParam("pageSize", size)
                        .queryParamIfPresent("pageToken", Optional.ofNullable(token)).build())
                .exchange().expectStatus().isOk()
                .expectBody(AgencyPage.class).returnResult().getResponseBody();
    }

    record AgencyPage(List<Map<String, Object>> items, String nextPageToken) {
    }
}
