package org.isecg.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.PlanFacts.aRover;
import static org.isecg.notification.PlanFacts.uniqueAgency;
import static org.isecg.notification.PlanFacts.uniqueRegion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.isecg.contracts.EventTypes;
import org.isecg.notification.NotifierContext;
import org.isecg.notification.PlanFacts;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An agency's notifications, from overlaps the notifier found itself: newest first, paged, marked read
 * one by one, each agency's read and marked with its own token at {@code /api/v1/notifications}.
 */
class InboxIT extends NotifierContext {

    /** A token that does not advance would otherwise walk forever. */
    private static final int MAX_PAGES = 100;

    String esa;
    String csa;
    String overlapId;

    @BeforeEach
    void anOverlapThatOpenedResolvedAndOpenedAgain() {
        String region = uniqueRegion();
        esa = uniqueAgency("E");
        csa = uniqueAgency("C");
        PlanFacts esaRover = aRover(esa, region);
        PlanFacts csaRover = aRover(csa, region);
        detected(esaRover.created());
        detected(csaRover.created());
        detected(csaRover.window("2045-01-01", "2046-01-01").updated(2));
        detected(csaRover.window("2030-06-01", "2030-12-31").updated(3));
        overlapId = (String) awaitTheOverlapOf(esa).get("overlapId");
        delivered(EventTypes.OVERLAP_OPENED, overlapId, 3);
    }

    @Test
    void pagesOfOneWalkTheInboxNewestFirstWithoutRepeatsOrGaps() {
        // when
        List<Map<String, Object>> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page page = inbox(esa, "pageSize=1" + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.items()).hasSize(1);
            walked.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null && ++pages < MAX_PAGES);

        // then
        assertThat(token).as("the walk ended on a last page").isNull();
        assertThat(walked).extracting(entry -> entry.get("entryId"))
                .isEqualTo(inboxOf(esa).stream().map(entry -> entry.get("entryId")).toList())
                .doesNotHaveDuplicates();
        assertThat(walked).extracting(entry -> entry.get("overlapVersion")).containsExactly(3, 2, 1);
        assertThat(walked).extracting(entry -> entry.get("agency")).containsOnly(esa);
        assertThat(walked).extracting(entry -> Instant.parse((String) entry.get("receivedAt")))
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void anEntryMarkedReadIsLeftOutOfTheUnreadOnes() {
        // given
        String newest = (String) inboxOf(esa).get(0).get("entryId");

        // when
        markRead(esa, newest).expectStatus().isNoContent();

        // then
        List<Map<String, Object>> unread = inbox(esa, "unreadOnly=true").items();
        assertThat(unread).extracting(entry -> entry.get("entryId")).hasSize(2).doesNotContain(newest);
        assertThat(inboxOf(esa)).hasSize(3).first().satisfies(entry -> assertThat(entry).containsEntry("read", true));
        assertThat(inbox(csa, "unreadOnly=true").items()).as("the other agency's copy is its own").hasSize(3);
    }

    @Test
    void markingAnEntryReadTwiceIsFine() {
        String newest = (String) inboxOf(esa).get(0).get("entryId");

        markRead(esa, newest).expectStatus().isNoContent();
        markRead(esa, newest).expectStatus().isNoContent();

        assertThat(inboxOf(esa).get(0)).containsEntry("read", true);
    }

    @Test
    void anUnknownEntryIsNotFound() {
        markRead(esa, esa + ":no-such-overlap:1")
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found");
    }

    @Test
    void aPageTokenTheNotifierDidNotIssueIsABadRequest() {
        http.get().uri("/api/v1/notifications?pageToken={token}", "bm90LWEtdG9rZW4")
                .headers(TestTokens.bearer(TestTokens.shared().agency(esa))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("pageToken");
    }

    @Test
    void anAgencyWithNoOverlapsHasNoNotifications() {
        assertThat(inbox(uniqueAgency("Q"), "").items()).isEmpty();
    }

    @Test
    void onlyAnAgencysTokenMarksAnEntryReadAndABadOneChangesNothing() {
        // given
        String newest = (String) inboxOf(esa).get(0).get("entryId");
        TestTokens tokens = TestTokens.shared();

        // when / then: not the secretariat (no agency, and nobody imports a reading), not a reader, no bad token
        for (String token : List.of(tokens.secretariat(), tokens.standardsBoard(), tokens.operator(), tokens.reader(esa))) {
            TokenExpectations.insufficientScope(markReadWith(newest, token), "hub.write");
        }
        for (TestTokens.BadToken bad : tokens.badTokens()) {
            TokenExpectations.invalidToken(markReadWith(newest, bad.token()));
        }
        TokenExpectations.tokenRequired(anonymous.post().uri("/api/v1/notifications/{entry}/read", newest).exchange());
        assertThat(inboxOf(esa).get(0)).containsEntry("read", false);
    }

    @Test
    void theOverlapsAreReadWithHubReadButNotificationsOnlyWithAnAgencysToken() {
        TestTokens tokens = TestTokens.shared();

        http.get().uri("/api/v1/overlaps/{id}", overlapId).headers(TestTokens.bearer(tokens.standardsBoard())).exchange()
                .expectStatus().isOk();
        TokenExpectations.tokenRequired(anonymous.get().uri("/api/v1/overlaps/{id}", overlapId).exchange());
        http.get().uri("/api/v1/notifications").headers(TestTokens.bearer(tokens.reader(esa))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(3);
        for (String noAgency : List.of(tokens.secretariat(), tokens.standardsBoard(), tokens.operator())) {
            TokenExpectations.insufficientScope(http.get().uri("/api/v1/notifications")
                    .headers(TestTokens.bearer(noAgency)).exchange(), "hub.read");
        }
        for (TestTokens.BadToken bad : tokens.badTokens()) {
            TokenExpectations.invalidToken(http.get().uri("/api/v1/notifications")
                    .headers(TestTokens.bearer(bad.token())).exchange());
        }
        TokenExpectations.tokenRequired(anonymous.get().uri("/api/v1/notifications").exchange());
    }

    @Test
    void theAgencysInboxIsNoLongerAtAPathThatNamesIt() {
        http.get().uri("/api/v1/inboxes/{agency}", esa).headers(TestTokens.bearer(TestTokens.shared().agency(esa))).exchange()
                .expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec markReadWith(String entry, String token) {
        return http.post().uri("/api/v1/notifications/{entry}/read", entry)
                .headers(TestTokens.bearer(token)).exchange();
    }
}
