package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.aRevision;
import static org.isecg.standards.catalogue.StandardDrafts.parameter;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.Topics;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardPublishedV2;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Publishing a standard: the answer, the events (v1 first, v2 last), and the drafts the catalogue refuses. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardPublicationIT {

    private static final List<KeyParameter> DOCKING_PARAMETERS =
            List.of(new KeyParameter("passage_diameter", "800", "mm"), new KeyParameter("androgynous", "true", null));

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
    void aPublicationIsCreatedAtVersionOneWithItsLocation() {
        // given
        String code = uniqueCode();

        // when
        WebTestClient.ResponseSpec response = publish(aDockingStandard(code));

        // then
        response.expectStatus().isCreated()
                .expectHeader().location("/api/v1/standards/" + code)
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.description").isEqualTo("The interface of docking systems " + code)
                .jsonPath("$.revisions[0].revision").isEqualTo("E")
                .jsonPath("$.revisions[0].keyParameters[0].name").isEqualTo("passage_diameter")
                .jsonPath("$.revisions[0].keyParameters[0].unit").isEqualTo("mm")
                .jsonPath("$.revisions[0].keyParameters[1].unit").doesNotExist()
                .jsonPath("$.publishedAt").exists();
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.domain").isEqualTo("DOCKING");
    }

    @Test
    void aPublicationWithItsHistoryPublishesTheV1EventFirstAndTheV2EventLastBothValid() {
        // given IDSS as it happened: E superseded by F
        String code = uniqueCode();
        Instant before = Instant.now();

        // when
        publish(aDockingStandard(code).revisions(List.of(aRevision("E", "SUPERSEDED", "2016-10"),
                aRevision("F", "BASELINED", "2022-07")))).expectStatus().isCreated();

        // then
        PublishedEvent<StandardPublishedV2> v2 = events.awaitOne(EventTypes.STANDARD_PUBLISHED_V2, code);
        assertThat(v2.data().standard()).isEqualTo(new StandardState(code, 1, "Docking System Standard " + code,
                InterfaceDomain.DOCKING, "The interface of docking systems " + code, Set.of("ESA", "JAXA", "NASA"),
                List.of(new StandardRevision("E", RevisionStatus.SUPERSEDED, "2016-10", DOCKING_PARAMETERS),
                        new StandardRevision("F", RevisionStatus.BASELINED, "2022-07", DOCKING_PARAMETERS))));
        PublishedEvent<StandardPublished> v1 = events.awaitOne(EventTypes.STANDARD_PUBLISHED, code);
        Map<String, String> v1Parameters = Map.of("passage_diameter", "800 mm", "androgynous", "true");
        assertThat(v1.data()).isEqualTo(new StandardPublished(code, 1, "Docking System Standard " + code,
                InterfaceDomain.DOCKING, Set.of("ESA", "JAXA", "NASA"), List.of(
                        new Revision("E", RevisionStatus.SUPERSEDED, "2016-10", v1Parameters),
                        new Revision("F", RevisionStatus.BASELINED, "2022-07", v1Parameters))));
        assertThat(events.recordsSoFar(Topics.STANDARDS, code))
                .extracting(record -> record.headers().get(CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.STANDARD_PUBLISHED.name(), EventTypes.STANDARD_PUBLISHED_V2.name());
        assertThat(v2.headers())
                .containsEntry(CloudEventHeaders.SOURCE, "/hub/standards-service")
                .containsEntry(CloudEventHeaders.SUBJECT, code)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
        assertThat(Instant.parse(v2.headers().get(CloudEventHeaders.TIME))).isAfter(before.minusSeconds(1));
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED_V2, v2.value())).isEmpty();
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED, v1.value())).isEmpty();
    }

    @Test
    void aStandardWithoutRevisionsIsPublishedInV2AloneSinceV1CannotCarryIt() {
        // given
        String code = uniqueCode();

        // when
        publish(aDockingStandard(code).without("description").revisions(List.of())).expectStatus().isCreated()
                .expectBody().jsonPath("$.revisions.length()").isEqualTo(0);

        // then
        PublishedEvent<StandardPublishedV2> v2 = events.awaitOne(EventTypes.STANDARD_PUBLISHED_V2, code);
        assertThat(v2.data().standard().revisions()).isEmpty();
        assertThat(v2.data().standard().description()).isNull();
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED_V2, v2.value())).isEmpty();
        assertThat(events.recordsSoFar(Topics.STANDARDS, code)).hasSize(1);
    }

    @Test
    void aSecondPublicationOfTheSameCodeIsAConflict() {
        // given
        String code = uniqueCode();
        publish(aDockingStandard(code)).expectStatus().isCreated();

        // when
        WebTestClient.ResponseSpec second = publish(aDockingStandard(code).with("title", "Another title"));

        // then
        second.expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/conflict");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectBody().jsonPath("$.title").isEqualTo("Docking System Standard " + code);
        assertThat(events.awaitAtLeast(1, EventTypes.STANDARD_PUBLISHED_V2, code)).hasSize(1);
    }

    @Test
    void aRevisionLabelThatAppearsTwiceBreaksARuleNamingTheRevision() {
        // given
        String code = uniqueCode();
        StandardDrafts draft = aDockingStandard(code).revision("E", "DRAFT", "2017");

        // when
        WebTestClient.ResponseSpec response = publish(draft);

        // then
        expectProblem(response, 422, "revisions[1].revision")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'E'"));
        assertNothingStored(code);
    }

    @Test
    void twoBaselinedRevisionsBreakARuleAndNothingIsStored() {
        // given
        String code = uniqueCode();
        StandardDrafts draft = aDockingStandard(code).revision("F", "BASELINED", "2022");

        // when / then
        expectProblem(publish(draft), 422, "revisions")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("E, F", "at most one"));
        assertNothingStored(code);
    }

    @Test
    void aParameterNameRepeatedInARevisionBreaksARuleNamingIt() {
        // given
        String code = uniqueCode();
        StandardDrafts draft = aDockingStandard(code).keyParameters(List.of(parameter("mass", "100", "kg"),
                parameter("mass", "120", "kg")));

        // when / then
        expectProblem(publish(draft), 422, "revisions[0].keyParameters[1].name");
        assertNothingStored(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"July 2022", "22-07", "2022-13", "2022-00", "2022-07-32", "2022-07-00", "2022-7"})
    void aPublicationDateThatIsNotAYearMonthOrDayIsABadRequestNamingTheField(String published) {
        // given
        StandardDrafts draft = aDockingStandard(uniqueCode()).revisions(List.of(aRevision("A", "BASELINED", published)));

        // when / then
        expectProblem(publish(draft), 400, "revisions[0].published");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022", "2022-12", "2022-07-31"})
    void aPublicationDateAsPreciseAsKnownIsAcceptedAndPublishedAsTheContractAllows(String published) {
        // given
        String code = uniqueCode();

        // when
        publish(aDockingStandard(code).revisions(List.of(aRevision("A", "BASELINED", published)))).expectStatus().isCreated();

        // then
        PublishedEvent<StandardPublishedV2> event = events.awaitOne(EventTypes.STANDARD_PUBLISHED_V2, code);
        assertThat(event.data().standard().revisions().get(0).published()).isEqualTo(published);
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED_V2, event.value())).isEmpty();
    }

    @Test
    void aRevisionWithoutPublicationDateOrParametersIsPublishedWithoutThem() {
        // given
        String code = uniqueCode();
        Map<String, Object> undated = new LinkedHashMap<>(Map.of("revision", "Draft-1", "status", "DRAFT"));

        // when
        publish(aDockingStandard(code).revisions(List.of(undated))).expectStatus().isCreated();

        // then
        PublishedEvent<StandardPublished> event = events.awaitOne(EventTypes.STANDARD_PUBLISHED, code);
        assertThat(event.data().revisions()).containsExactly(new Revision("Draft-1", RevisionStatus.DRAFT, null, Map.of()));
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED, event.value())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bus.voltage", "$where", "passage diameter", "1st_stage", ""})
    void anEmptyOrMalformedParameterNameIsABadRequestAndNothingIsStored(String name) {
        // given
        String code = uniqueCode();

        // when
        WebTestClient.ResponseSpec response = publish(aDockingStandard(code).keyParameters(List.of(parameter(name, "120", "V DC"))));

        // then
        expectProblem(response, 400, "revisions[0].keyParameters[0].name");
        assertNothingStored(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"F/G", "E F", ".hidden", "", "X123456789012345678901234567890123"})
    void aRevisionLabelThatIsNotAPathSegmentIsABadRequestNamingIt(String label) {
        String code = uniqueCode();

        expectProblem(publish(aDockingStandard(code).revisions(List.of(aRevision(label, "DRAFT", "2024")))), 400,
                "revisions[0].revision");
        assertNothingStored(code);
    }

    @Test
    void aNewStandardWithoutCodeIsABadRequestNamingTheCode() {
        expectProblem(publish(aDockingStandard(uniqueCode()).without("code")), 400, "code");
    }

    @Test
    void aLowerCaseCodeIsABadRequestNamingTheCode() {
        expectProblem(publish(aDockingStandard("idss-" + uniqueCode().substring(1, 5).toLowerCase())), 400, "code");
    }

    @Test
    void aDomainOutsideTheVocabularyIsABadRequestNamingTheDomain() {
        String code = uniqueCode();

        expectProblem(publish(aDockingStandard(code).with("domain", "PLUMBING")), 400, "domain");
        assertNothingStored(code);
    }

    private void assertNothingStored(String code) {
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
        assertThat(events.recordsSoFar(Topics.STANDARDS, code)).isEmpty();
    }

    private WebTestClient.ResponseSpec publish(StandardDrafts draft) {
        return http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON).bodyValue(draft.body())
                .exchange();
    }

    static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String field) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(field));
    }
}
