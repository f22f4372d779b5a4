package org.isecg.notification.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.PlanFacts.uniqueAgency;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.notification.NotifierContext;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

/**
 * OWASP API1 (broken object level authorization) at the notifier: an agency's notifications are the
 * inbox of its token's agency, and entry ids are guessable ({@code <agency>:<overlap>:<version>}), so
 * ESA, knowing an overlap that involves NASA too, can name NASA's entry exactly. Whatever ESA sends, it
 * reads only its own entries and changes none of NASA's; another agency's entry is not found, never
 * forbidden, so that ESA cannot even learn that it exists. Each test checks what is stored afterwards.
 */
class NotificationOwnershipIT extends NotifierContext {

    private static final ParameterizedTypeReference<Map<String, Object>> PROBLEM = new ParameterizedTypeReference<>() {
    };

    @Autowired
    ReactiveMongoOperations mongo;

    String esa;
    String nasa;
    String esasEntry;
    String nasasEntry;
    String nasasOtherEntry;

    /** One overlap of both in each inbox, and one more of NASA's alone, all unread. */
    @BeforeEach
    void bothAgenciesHaveEntriesOfTheSameOverlap() {
        esa = uniqueAgency("E");
        nasa = uniqueAgency("N");
        String shared = "duplication-" + esa.toLowerCase();
        esasEntry = stored(esa, shared, Set.of(esa, nasa), "2031-01-01T00:00:00Z");
        nasasEntry = stored(nasa, shared, Set.of(esa, nasa), "2031-01-01T00:00:00Z");
        nasasOtherEntry = stored(nasa, "duplication-" + nasa.toLowerCase(), Set.of(nasa, "CNSA"), "2031-02-01T00:00:00Z");
    }

    @Test
    void anAgencysTokenListsItsOwnEntriesOnlyWhateverTheRequestNames() {
        // given
        List<InboxEntry> before = stored();

        // when / then: a query naming NASA is no way into NASA's inbox
        for (String query : List.of("", "?unreadOnly=true", "?agency=" + nasa, "?pageSize=200&agency=" + nasa)) {
            assertThat(listAs(esa, query)).as(query).extracting(entry -> entry.get("entryId")).containsExactly(esasEntry);
        }
        assertThat(listAs(nasa, "")).extracting(entry -> entry.get("entryId")).containsExactly(nasasOtherEntry, nasasEntry);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aPageTokenMadeFromAnotherAgencysEntryPagesOnlyThroughTheCallersOwnInbox() {
        // given: a token shaped as the notifier issues them, pointing just after NASA's newest entry
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (Instant.parse("2031-02-02T00:00:00Z").toEpochMilli() + "|" + nasasOtherEntry).getBytes(UTF_8));

        // when / then
        assertThat(listAs(esa, "?pageToken=" + forged)).extracting(entry -> entry.get("entryId")).containsExactly(esasEntry);
    }

    @Test
    void markingAnotherAgencysEntryReadByItsGuessedIdIsNotFoundAndLeavesItUnread() {
        // given
        List<InboxEntry> before = stored();
        String guessed = InboxEntry.idOf(nasa, "duplication-" + esa.toLowerCase(), 1);
        assertThat(guessed).isEqualTo(nasasEntry);

        // when
        String unknown = InboxEntry.idOf(nasa, "no-such-overlap", 1);
        Map<String, Object> othersAnswer = notFound(markRead(esa, guessed), guessed);
        Map<String, Object> unknownsAnswer = notFound(markRead(esa, unknown), unknown);

        // then: told exactly as for an entry that does not exist, and nothing changed
        assertThat(othersAnswer).isEqualTo(unknownsAnswer);
        assertThat(stored()).isEqualTo(before);
        assertThat(listAs(nasa, "?unreadOnly=true")).extracting(entry -> entry.get("entryId"))
                .containsExactly(nasasOtherEntry, nasasEntry);
    }

    @Test
    void markingItsOwnEntryReadChangesThatEntryAndNoOther() {
        // given
        List<InboxEntry> before = stored();

        // when
        markRead(esa, esasEntry).expectStatus().isNoContent();

        // then
        assertThat(stored()).hasSameSizeAs(before).allSatisfy(entry ->
                assertThat(entry.read()).as(entry.entryId()).isEqualTo(entry.entryId().equals(esasEntry)));
    }

    @Test
    void tokensOfNoAgencyHaveNoNotificationsToReadOrMark() {
        // given
        List<InboxEntry> before = stored();
        TestTokens tokens = TestTokens.shared();

        // when / then
        for (String noAgency : List.of(tokens.secretariat(), tokens.standardsBoard(), tokens.operator())) {
            TokenExpectations.insufficientScope(http.get().uri("/api/v1/notifications?agency={agency}", nasa)
                    .headers(TestTokens.bearer(noAgency)).exchange(), "hub.read");
            TokenExpectations.insufficientScope(http.post().uri("/api/v1/notifications/{entry}/read", nasasEntry)
                    .headers(TestTokens.bearer(noAgency)).exchange(), "hub.write");
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void withoutATokenNothingIsReadOrMarked() {
        // given
        List<InboxEntry> before = stored();

        // when / then
        TokenExpectations.tokenRequired(anonymous.get().uri("/api/v1/notifications").exchange());
        TokenExpectations.tokenRequired(anonymous.post().uri("/api/v1/notifications/{entry}/read", nasasEntry).exchange());
        assertThat(stored()).isEqualTo(before);
    }

    private List<Map<String, Object>> listAs(String agency, String query) {
        return http.get().uri("/api/v1/notifications" + query).headers(TestTokens.bearer(TestTokens.shared().agency(agency)))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Page.class).returnResult().getResponseBody().items();
    }

    /** The 404's members, once its status and type are checked, with the entry's id taken out. */
    private static Map<String, Object> notFound(WebTestClient.ResponseSpec response, String entryId) {
        Map<String, Object> problem = response.expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(PROBLEM)
                .returnResult().getResponseBody();
        assertThat(problem).containsEntry("type", "/problems/not-found").containsEntry("status", 404);
        Map<String, Object> withoutId = new TreeMap<>(problem);
        withoutId.replaceAll((name, value) -> value instanceof String text
                ? text.replace(entryId, "<id>").replace(UriUtils.encode(entryId, UTF_8), "<id>") : value);
        return withoutId;
    }

    /** Both agencies' entries as stored, in id order. */
    private List<InboxEntry> stored() {
        return mongo.find(Query.query(Criteria.where("agency").in(esa, nasa)).with(Sort.by("_id")), InboxEntry.class)
                .collectList().block();
    }

    private String stored(String agency, String overlapId, Set<String> involved, String receivedAt) {
        String entryId = InboxEntry.idOf(agency, overlapId, 1);
        mongo.insert(new InboxEntry(entryId, agency, overlapId, 1, "OPENED", OverlapKind.DUPLICATION, Severity.HIGH,
                List.of("p-" + overlapId + "-1", "p-" + overlapId + "-2"), involved, "two rovers at the south pole",
                Instant.parse(receivedAt), Instant.parse(receivedAt), false)).block();
        return entryId;
    }
}
