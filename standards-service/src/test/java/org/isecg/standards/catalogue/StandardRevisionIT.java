package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.aRevision;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import java.util.List;
import java.util.Map;

import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardRevised;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Revising a standard: only from the version read, each revision a StandardRevised carrying them all. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardRevisionIT {

    private static final Map<String, String> DOCKING_PARAMETERS =
            Map.of("androgynous", "yes", "passage_diameter", "800 mm");

    @Autowired
    WebTestClient http;

    @Autowired
    PublishedEvents events;

    /** Calls as the standards board: it publishes and revises standards. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Test
    void aRevisionNamingTheCurrentVersionIsAppliedAsVersionTwo() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        WebTestClient.ResponseSpec response = revise(code, "\"1\"", revisedDraft(code));

        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.revisions.length()").isEqualTo(2)
                .jsonPath("$.revisions[0].status").isEqualTo("SUPERSEDED")
                .jsonPath("$.revisions[1].revision").isEqualTo("F");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.revisions[1].published").isEqualTo("2022-07");
    }

    @Test
    void aRevisionPublishesStandardRevisedCarryingEveryRevisionOldestFirst() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        revise(code, "\"1\"", revisedDraft(code)).expectStatus().isOk();

        // then
        PublishedEvent<StandardRevised> event = events.awaitOne(EventTypes.STANDARD_REVISED, code);
        assertThat(event.data().version()).isEqualTo(2);
        assertThat(event.data().revisions()).containsExactly(
                new Revision("E", RevisionStatus.SUPERSEDED, "2016-05", DOCKING_PARAMETERS),
                new Revision("F", RevisionStatus.BASELINED, "2022-07", DOCKING_PARAMETERS));
        assertThat(EventSchemas.violations(EventTypes.STANDARD_REVISED, event.value())).isEmpty();
    }

    @Test
    void aRevisionBasedOnAnOlderVersionIsRefusedAsAFailedPrecondition() {
        // given
        String code = uniqueCode();
        published(code);
        revise(code, "\"1\"", revisedDraft(code)).expectStatus().isOk();

        // when
        WebTestClient.ResponseSpec stale = revise(code, "\"1\"", aDockingStandard(code).with("title", "Lost update"));

        // then
        stale.expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-mismatch");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Docking System Standard " + code);
    }

    @Test
    void aRevisionMayNameAnyOfSeveralVersionsOrAnyVersionButNeverAWeakTag() {
        // given
        String code = uniqueCode();
        published(code);

        // when / then
        revise(code, "\"1\", \"2\"", revisedDraft(code)).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        revise(code, "*", revisedDraft(code).with("title", "Any version")).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");
        revise(code, "W/\"3\"", revisedDraft(code).with("title", "Weakly")).expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("weak entity tag").contains("never matches"));
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.title").isEqualTo("Any version");
    }

    @Test
    void aRevisionWithoutIfMatchIsRefusedAsPreconditionRequired() {
        // given
        String code = uniqueCode();
        published(code);

        // when / then
        revise(code, null, revisedDraft(code)).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
    }

    @Test
    void aRevisionThatRepeatsALabelIsRefusedAndLeavesTheStandardAsItWas() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        WebTestClient.ResponseSpec response = revise(code, "\"1\"", aDockingStandard(code).revision("E", "RETIRED", "2030"));

        // then
        response.expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("revisions");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.revisions.length()").isEqualTo(1);
    }

    @Test
    void aRevisionMayLeaveOutTheCodeButNotChangeIt() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        WebTestClient.ResponseSpec renamed = revise(code, "\"1\"", revisedDraft(code).with("code", uniqueCode()));
        WebTestClient.ResponseSpec withoutCode = revise(code, "\"1\"", revisedDraft(code).without("code"));

        // then
        renamed.expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("code");
        withoutCode.expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(code);
    }

    @Test
    void anUnknownStandardIsNotFoundToReadAndToRevise() {
        // given
        String code = uniqueCode();

        // when / then
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        revise(code, "\"1\"", revisedDraft(code)).expectStatus().isNotFound();
    }

    private void published(String code) {
        http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).body()).exchange().expectStatus().isCreated();
    }

    /** Revision E superseded by a new baseline F. */
    private static StandardDrafts revisedDraft(String code) {
        return aDockingStandard(code).revisions(List.of(
                aRevision("E", "SUPERSEDED", "2016-05"), aRevision("F", "BASELINED", "2022-07")));
    }

    private WebTestClient.ResponseSpec revise(String code, String ifMatch, StandardDrafts draft) {
        WebTestClient.RequestBodySpec request = http.put().uri("/api/v1/standards/{code}", code)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.bodyValue(draft.body()).exchange();
    }
}
