package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.aNewRevision;
import static org.isecg.standards.catalogue.StandardDrafts.aRevision;
import static org.isecg.standards.catalogue.StandardDrafts.parameter;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;
import static org.isecg.standards.catalogue.StandardPublicationIT.expectProblem;

import java.util.List;
import java.util.Map;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.Topics;
import org.isecg.contracts.standard.RevisionAdded;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionRetired;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardRevised;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardUpdated;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.PublishedEvents.PublishedRecord;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A standard's changes after publication, each from the version read (If-Match): its details, a new
 * DRAFT revision, a baseline that supersedes the one before in the same write, a retirement. Each
 * accepted change publishes its v2 event after its v1 twin; a refused one publishes nothing.
 */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardRevisionIT {

    @Autowired
    WebTestClient http;

    @Autowired
    PublishedEvents events;

    /** Calls as the standards board: it publishes standards and changes them. */
    @BeforeEach
    void withToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Test
    void anAddedRevisionIsADraftAtTheNextVersionAnnouncedByRevisionAddedAfterItsV1Twin() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        WebTestClient.ResponseSpec response = addRevision(code, "\"1\"", aNewRevision("F", "2022-07"));

        // then
        response.expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.revisions[1].revision").isEqualTo("F")
                .jsonPath("$.revisions[1].status").isEqualTo("DRAFT")
                .jsonPath("$.revisions[0].status").isEqualTo("BASELINED");
        PublishedEvent<RevisionAdded> added = events.awaitOne(EventTypes.REVISION_ADDED, code);
        assertThat(added.data().revision()).isEqualTo("F");
        assertThat(added.data().standard().version()).isEqualTo(2);
        assertThat(added.data().standard().revision("F")).map(StandardRevision::status).contains(RevisionStatus.DRAFT);
        assertThat(EventSchemas.violations(EventTypes.REVISION_ADDED, added.value())).isEmpty();
        PublishedEvent<StandardRevised> v1 = events.awaitOne(EventTypes.STANDARD_REVISED, code);
        assertThat(v1.data().version()).isEqualTo(2);
        assertThat(v1.data().revisions().get(1).keyParameters()).containsEntry("passage_diameter", "800 mm");
        assertThat(EventSchemas.violations(EventTypes.STANDARD_REVISED, v1.value())).isEmpty();
        assertThat(types(code)).endsWith(EventTypes.STANDARD_REVISED.name(), EventTypes.REVISION_ADDED.name());
    }

    @Test
    void theFirstRevisionOfAStandardThatHadNoneIsItsFirstV1Event() {
        // given
        String code = uniqueCode();
        http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).revisions(List.of()).body()).exchange().expectStatus().isCreated();

        // when
        addRevision(code, "\"1\"", aNewRevision("A", "2026")).expectStatus().isCreated();

        // then
        events.awaitOne(EventTypes.REVISION_ADDED, code);
        PublishedEvent<StandardPublished> v1 = events.awaitOne(EventTypes.STANDARD_PUBLISHED, code);
        assertThat(v1.data().version()).isEqualTo(2);
        assertThat(types(code)).containsExactly(EventTypes.STANDARD_PUBLISHED_V2.name(),
                EventTypes.STANDARD_PUBLISHED.name(), EventTypes.REVISION_ADDED.name());
    }

    @Test
    void baseliningADraftSupersedesTheBaselineInTheSameWrite() {
        // given E baselined, F a draft
        String code = uniqueCode();
        published(code);
        addRevision(code, "\"1\"", aNewRevision("F", "2022-07")).expectStatus().isCreated();

        // when
        WebTestClient.ResponseSpec response = transition(code, "F", "baseline", "\"2\"");

        // then
        response.expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody()
                .jsonPath("$.revisions[0].status").isEqualTo("SUPERSEDED")
                .jsonPath("$.revisions[1].status").isEqualTo("BASELINED");
        PublishedEvent<RevisionBaselined> baselined = events.awaitOne(EventTypes.REVISION_BASELINED, code);
        assertThat(baselined.data().revision()).isEqualTo("F");
        assertThat(baselined.data().superseded()).isEqualTo("E");
        assertThat(baselined.data().standard().revisions()).extracting(StandardRevision::status)
                .containsExactly(RevisionStatus.SUPERSEDED, RevisionStatus.BASELINED);
        assertThat(EventSchemas.violations(EventTypes.REVISION_BASELINED, baselined.value())).isEmpty();
    }

    @Test
    void onlyADraftCanBeBaselinedTheConflictNamesItsStatusAndNothingIsWritten() {
        // given F retired
        String code = uniqueCode();
        published(code);
        addRevision(code, "\"1\"", aNewRevision("F", "2022-07")).expectStatus().isCreated();
        transition(code, "F", "retirement", "\"2\"").expectStatus().isOk()
                .expectBody().jsonPath("$.revisions[1].status").isEqualTo("RETIRED");
        events.awaitOne(EventTypes.REVISION_RETIRED, code);
        int published = types(code).size();

        // when
        WebTestClient.ResponseSpec baselineRetired = transition(code, "F", "baseline", "\"3\"");
        WebTestClient.ResponseSpec baselineBaselined = transition(code, "E", "baseline", "\"3\"");

        // then
        baselineRetired.expectStatus().isEqualTo(409).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("is RETIRED"));
        baselineBaselined.expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("is BASELINED"));
        assertUnchanged(code, 3, published);
    }

    @Test
    void aRetirementAnnouncesRevisionRetiredAndARetiredRevisionCannotBeRetiredAgain() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        transition(code, "E", "retirement", "\"1\"").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        WebTestClient.ResponseSpec again = transition(code, "E", "retirement", "\"2\"");

        // then
        PublishedEvent<RevisionRetired> retired = events.awaitOne(EventTypes.REVISION_RETIRED, code);
        assertThat(retired.data().revision()).isEqualTo("E");
        assertThat(retired.data().standard().baselined()).isEmpty();
        assertThat(EventSchemas.violations(EventTypes.REVISION_RETIRED, retired.value())).isEmpty();
        again.expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("already RETIRED"));
        assertUnchanged(code, 2, 4);
    }

    @Test
    void aRevisionLabelTheStandardHasIsAConflictAndNothingIsWritten() {
        // given
        String code = uniqueCode();
        published(code);

        // when / then
        addRevision(code, "\"1\"", aNewRevision("E", "2030")).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'E'"));
        assertUnchanged(code, 1, 2);
    }

    @Test
    void aNewRevisionStatingItsStatusIsRefusedByNameSinceItIsAlwaysADraft() {
        // given
        String code = uniqueCode();
        published(code);

        // when / then
        addRevision(code, "\"1\"", aRevision("F", "BASELINED", "2022")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("status"));
        assertUnchanged(code, 1, 2);
    }

    @Test
    void aNewRevisionRepeatingAParameterNameBreaksARuleAndAMalformedNameIsABadRequest() {
        // given
        String code = uniqueCode();
        published(code);
        Map<String, Object> repeated = aNewRevision("F", "2022");
        repeated.put("keyParameters", List.of(parameter("mass", "1", "kg"), parameter("mass", "2", "kg")));
        Map<String, Object> malformed = aNewRevision("G", "2022");
        malformed.put("keyParameters", List.of(parameter("bus.voltage", "120", "V")));

        // when / then
        expectProblem(addRevision(code, "\"1\"", repeated), 422, "keyParameters[1].name");
        expectProblem(addRevision(code, "\"1\"", malformed), 400, "keyParameters[0].name");
        assertUnchanged(code, 1, 2);
    }

    @Test
    void theDetailsChangeAloneAnnouncedByStandardUpdatedAndTheRevisionsStayAsTheyWere() {
        // given
        String code = uniqueCode();
        published(code);

        // when
        WebTestClient.ResponseSpec response = changeDetails(code, "\"1\"", aDockingStandard(code)
                .with("title", "Renamed").with("domain", "RENDEZVOUS").with("description", "Now wider").details());

        // then
        response.expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Renamed")
                .jsonPath("$.domain").isEqualTo("RENDEZVOUS")
                .jsonPath("$.revisions.length()").isEqualTo(1);
        PublishedEvent<StandardUpdated> updated = events.awaitOne(EventTypes.STANDARD_UPDATED, code);
        assertThat(updated.data().standard().description()).isEqualTo("Now wider");
        assertThat(updated.data().standard().revisions()).hasSize(1);
        assertThat(EventSchemas.violations(EventTypes.STANDARD_UPDATED, updated.value())).isEmpty();
    }

    @Test
    void aDetailsChangeSendingTheCodeOrTheRevisionsIsRefusedByName() {
        // given
        String code = uniqueCode();
        published(code);

        // when / then
        changeDetails(code, "\"1\"", aDockingStandard(code).revision("F", "DRAFT", "2022").body())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("code", "revisions"));
        assertUnchanged(code, 1, 2);
    }

    @Test
    void everyAcceptedChangeIsPublishedOnceInTheOrderMadeAndNoneOfTheRefusedOnes() {
        // given
        String code = uniqueCode();
        published(code);

        // when a history of changes, with refused ones between them
        addRevision(code, "\"1\"", aNewRevision("F", "2022")).expectStatus().isCreated();
        addRevision(code, "\"2\"", aNewRevision("F", "2022")).expectStatus().isEqualTo(409);
        transition(code, "F", "baseline", "\"2\"").expectStatus().isOk();
        transition(code, "F", "baseline", "\"3\"").expectStatus().isEqualTo(409);
        transition(code, "E", "retirement", "\"2\"").expectStatus().isEqualTo(412);
        changeDetails(code, "\"3\"", aDockingStandard(code).with("title", "Renamed").details()).expectStatus().isOk();
        transition(code, "E", "retirement", "\"4\"").expectStatus().isOk();
        events.awaitOne(EventTypes.REVISION_RETIRED, code);

        // then
        List<PublishedRecord> records = events.recordsSoFar(Topics.STANDARDS, code);
        assertThat(records).extracting(record -> record.headers().get(CloudEventHeaders.TYPE)).containsExactly(
                EventTypes.STANDARD_PUBLISHED.name(), EventTypes.STANDARD_PUBLISHED_V2.name(),
                EventTypes.STANDARD_REVISED.name(), EventTypes.REVISION_ADDED.name(),
                EventTypes.STANDARD_REVISED.name(), EventTypes.REVISION_BASELINED.name(),
                EventTypes.STANDARD_REVISED.name(), EventTypes.STANDARD_UPDATED.name(),
                EventTypes.STANDARD_REVISED.name(), EventTypes.REVISION_RETIRED.name());
        assertThat(records).extracting(record -> record.headers().get(CloudEventHeaders.ID)).doesNotHaveDuplicates();
        http.get().uri("/api/v1/standards/{code}/history", code).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(5)
                .jsonPath("$.entries[4].version").isEqualTo(5);
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsAFailedPreconditionAndOneWithoutIfMatchIsRequiredToName() {
        // given
        String code = uniqueCode();
        published(code);
        changeDetails(code, "\"1\"", aDockingStandard(code).with("title", "Second").details()).expectStatus().isOk();

        // when / then
        changeDetails(code, "\"1\"", aDockingStandard(code).with("title", "Lost update").details())
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-mismatch");
        addRevision(code, null, aNewRevision("F", "2022")).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
        transition(code, "E", "retirement", null).expectStatus().isEqualTo(428);
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody().jsonPath("$.title").isEqualTo("Second");
    }

    @Test
    void aChangeMayNameAnyOfSeveralVersionsOrAnyVersionButNeverAWeakTag() {
        // given
        String code = uniqueCode();
        published(code);

        // when / then
        changeDetails(code, "\"1\", \"2\"", aDockingStandard(code).with("title", "Listed").details()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
        changeDetails(code, "*", aDockingStandard(code).with("title", "Any version").details()).expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"3\"");
        changeDetails(code, "W/\"3\"", aDockingStandard(code).with("title", "Weakly").details()).expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("weak entity tag").contains("never matches"));
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectHeader().valueEquals("ETag", "\"3\"")
                .expectBody().jsonPath("$.title").isEqualTo("Any version");
    }

    @Test
    void anUnknownStandardOrRevisionIsNotFound() {
        // given
        String code = uniqueCode();
        String other = uniqueCode();
        published(other);

        // when / then
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        changeDetails(code, "*", aDockingStandard(code).details()).expectStatus().isNotFound();
        addRevision(code, "*", aNewRevision("F", "2022")).expectStatus().isNotFound();
        transition(other, "Z", "baseline", "\"1\"").expectStatus().isNotFound();
        transition(other, "Z", "retirement", "\"1\"").expectStatus().isNotFound();
        assertUnchanged(other, 1, 2);
    }

    private void published(String code) {
        http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).body()).exchange().expectStatus().isCreated();
        events.awaitOne(EventTypes.STANDARD_PUBLISHED_V2, code);
    }

    /** The standard is still at that version, and the topic holds only the events it had. */
    private void assertUnchanged(String code, long version, int eventsPublished) {
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"" + version + "\"");
        assertThat(types(code)).hasSize(eventsPublished);
    }

    private List<String> types(String code) {
        return events.recordsSoFar(Topics.STANDARDS, code).stream()
                .map(record -> record.headers().get(CloudEventHeaders.TYPE)).toList();
    }

    private WebTestClient.ResponseSpec changeDetails(String code, String ifMatch, Map<String, Object> body) {
        return withIfMatch(http.put().uri("/api/v1/standards/{code}", code), ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec addRevision(String code, String ifMatch, Map<String, Object> body) {
        return withIfMatch(http.post().uri("/api/v1/standards/{code}/revisions", code), ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec transition(String code, String revision, String transition, String ifMatch) {
        return withIfMatch(http.post().uri("/api/v1/standards/{code}/revisions/{revision}/{transition}", code, revision,
                transition), ifMatch).exchange();
    }

    private static WebTestClient.RequestBodySpec withIfMatch(WebTestClient.RequestBodySpec request, String ifMatch) {
        return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
    }
}
