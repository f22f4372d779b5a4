package org.isecg.agency.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.agency.register.AgencyEntries.aMember;
import static org.isecg.agency.register.AgencyEntries.aNonMember;

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

    @Test
    void filtersByCountryKindMembershipAndStatusEachAndCombined() {
        // given agencies of our own, told apart by their code's prefix (the register holds other tests' too)
        String prefix = "F" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        register(aMember(prefix + "-FR").with("countries", List.of("FR")));
        register(aMember(prefix + "-ESA").with("countries", List.of("DE", "FR", "IT")).with("kind", "INTERGOVERNMENTAL_ORGANISATION"));
        register(aNonMember(prefix + "-CN").with("countries", List.of("CN")));
        register(aMember(prefix + "-OLD").with("countries", List.of("FR")));
        http.post().uri("/api/v1/agencies/{code}/deactivation", prefix + "-OLD").header("If-Match", "\"1\"").exchange()
                .expectStatus().isOk();

        // when / then
        assertThat(ours(prefix, "country=FR")).containsExactly(prefix + "-ESA", prefix + "-FR", prefix + "-OLD");
        assertThat(ours(prefix, "kind=INTERGOVERNMENTAL_ORGANISATION")).containsExactly(prefix + "-ESA");
        assertThat(ours(prefix, "membership=NON_MEMBER")).containsExactly(prefix + "-CN");
        assertThat(ours(prefix, "status=INACTIVE")).containsExactly(prefix + "-OLD");
        assertThat(ours(prefix, "country=FR&kind=NATIONAL_AGENCY&membership=MEMBER&status=ACTIVE")).containsExactly(prefix + "-FR");
        assertThat(ours(prefix, "country=CN&membership=MEMBER")).isEmpty();
        assertThat(ours(prefix, "")).hasSize(4);
    }

    @Test
    void aFilteredListIsPagedInCodeOrderWithoutRepeatsOrGaps() {
        // given five inactive agencies among active ones of our own
        String prefix = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
        List<String> inactive = IntStream.rangeClosed(1, 5).mapToObj(i -> prefix + "-I" + i).toList();
        IntStream.rangeClosed(1, 5).forEach(i -> register(aMember(prefix + "-A" + i)));
        inactive.forEach(code -> {
            register(aMember(code));
            http.post().uri("/api/v1/agencies/{code}/deactivation", code).header("If-Match", "\"1\"").exchange()
                    .expectStatus().isOk();
        });

        // when every inactive agency is walked two at a time
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            AgencyPage page = page(2, token, "status=INACTIVE");
            page.items().forEach(agency -> {
                assertThat(agency.get("status")).isEqualTo("INACTIVE");
                walked.add((String) agency.get("code"));
            });
            token = page.nextPageToken();
        } while (token != null && ++pages <= MAX_PAGES);

        // then
        assertThat(walked).isSorted().doesNotHaveDuplicates().containsSubsequence(inactive)
                .noneMatch(code -> code.startsWith(prefix + "-A"));
    }

    @Test
    void aFilterValueTheRegisterDoesNotKnowIsABadRequestNamingTheParameter() {
        for (String[] bad : new String[][] {
                {"kind=SPACESHIP", "kind"}, {"membership=OBSERVER", "membership"}, {"status=SUSPENDED", "status"},
                {"country=XX", "country"}, {"country=fr", "country"}, {"country=FRA", "country"}}) {
            http.get().uri("/api/v1/agencies?" + bad[0]).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(bad[1]);
        }
    }

    private void register(AgencyEntries entry) {
        http.post().uri("/api/v1/agencies").contentType(MediaType.APPLICATION_JSON).bodyValue(entry.registration())
                .exchange().expectStatus().isCreated();
    }

    /** The codes with that prefix in the filtered register, in the order listed. */
    private List<String> ours(String prefix, String filters) {
        return page(200, null, filters).items().stream().map(agency -> (String) agency.get("code"))
                .filter(code -> code.startsWith(prefix)).toList();
    }

    private AgencyPage page(int size, String token, String filters) {
        return http.get().uri("/api/v1/agencies?" + filters + "&pageSize={size}" + (token == null ? "" : "&pageToken={token}"),
                        size, token)
                .exchange().expectStatus().isOk()
                .expectBody(AgencyPage.class).returnResult().getResponseBody();
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
