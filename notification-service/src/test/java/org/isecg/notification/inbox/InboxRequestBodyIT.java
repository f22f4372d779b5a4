package org.isecg.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.PlanFacts.uniqueAgency;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.isecg.notification.NotifierContext;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * OWASP API3 and API4 at the notifier: marking an entry read takes no body, so one with fields is
 * refused naming them and changes nothing; pages are capped.
 */
class InboxRequestBodyIT extends NotifierContext {

    @Autowired
    ReactiveMongoOperations mongo;

    String agency;
    String entryId;

    @BeforeEach
    void anUnreadEntry() {
        agency = uniqueAgency("R");
        // the agency's own token: its notifications are the inbox of the token's agency
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().agency(agency)).build();
        String overlapId = "duplication:" + agency.toLowerCase();
        entryId = InboxEntry.idOf(agency, overlapId, 1);
        mongo.insert(new InboxEntry(entryId, agency, overlapId, 1, "OPENED", OverlapKind.DUPLICATION, Severity.HIGH,
                List.of("p-1", "p-2"), Set.of(agency, "OTHER"), "two rovers at the south pole",
                Instant.parse("2030-01-01T00:00:00Z"), Instant.now(), false)).block();
    }

    @Test
    void markingReadWithABodyThatSetsFieldsIsRefusedNamingThemAndLeavesTheEntryUnread() {
        // when
        http.post().uri("/api/v1/notifications/{entry}/read", entryId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("read", false, "agency", "OTHER")).exchange()

                // then
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("read", "agency"));
        assertThat(inboxOf(agency)).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("read", false).containsEntry("agency", agency));
    }

    @Test
    void markingReadWithAnEmptyObjectOrNoBodyMarksItRead() {
        http.post().uri("/api/v1/notifications/{entry}/read", entryId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isNoContent();

        assertThat(inboxOf(agency)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("read", true));
    }

    @Test
    void aBodyOverTheServicesLimitIsA413ProblemNamingTheLimitAndLeavesTheEntryUnread() {
        http.post().uri("/api/v1/notifications/{entry}/read", entryId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\": \"" + "n".repeat(1_100_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("the request body is larger than the limit of 1 MiB (1048576 bytes)");
        assertThat(inboxOf(agency)).singleElement().satisfies(entry -> assertThat(entry).containsEntry("read", false));
    }

    @Test
    void aPageSizeAboveTheMaximumIsRefusedNamingTheMaximumRatherThanClamped() {
        for (String list : new String[] {"/api/v1/notifications", "/api/v1/overlaps"}) {
            http.get().uri(list + "?pageSize=201").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("pageSize")
                    .jsonPath("$.errors[0].message").isEqualTo("pageSize must be between 1 and 200");
        }
    }
}
