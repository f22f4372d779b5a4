package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.aRevision;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Publishing a standard: the answer, the event, and the drafts the catalogue refuses. */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardPublicationIT {

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
                .jsonPath("$.revisions[0].revision").isEqualTo("E")
                .jsonPath("$.revisions[0].keyParameters.passage_diameter").isEqualTo("800 mm");
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.domain").isEqualTo("DOCKING");
    }

    @Test
    void aPublicationPublishesAValidStandardPublishedKeyedByCode() {
        // given
        String code = uniqueCode();
        Instant before = Instant.now();

        // when
        publish(aDockingStandard(code)).expectStatus().isCreated();

        // then
        PublishedEvent<StandardPublished> event = events.awaitOne(EventTypes.STANDARD_PUBLISHED, code);
        assertThat(event.data()).isEqualTo(new StandardPublished(code, 1, "Docking System Standard " + code,
                InterfaceDomain.DOCKING, Set.of("ESA", "JAXA", "NASA"), List.of(new Revision("E", RevisionStatus.BASELINED,
                        "2016-05", Map.of("androgynous", "yes", "passage_diameter", "800 mm")))));
        assertThat(event.headers())
                .containsEntry(CloudEventHeaders.TYPE, EventTypes.STANDARD_PUBLISHED.name())
                .containsEntry(CloudEventHeaders.SOURCE, "/hub/standards-service")
                .containsEntry(CloudEventHeaders.SUBJECT, code)
                .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
        assertThat(Instant.parse(event.headers().get(CloudEventHeaders.TIME))).isAfter(before.minusSeconds(1));
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED, event.value())).isEmpty();
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
    }

    @Test
    void aRevisionLabelThatAppearsTwiceBreaksARuleNamingTheRevisions() {
        // given
        String code = uniqueCode();
        StandardDrafts draft = aDockingStandard(code).revision("E", "DRAFT", "2017");

        // when
        WebTestClient.ResponseSpec response = publish(draft);

        // then
        expectProblem(response, 422, "revisions")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'E'"));
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
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
        PublishedEvent<StandardPublished> event = events.awaitOne(EventTypes.STANDARD_PUBLISHED, code);
        assertThat(event.data().revisions().get(0).published()).isEqualTo(published);
        assertThat(EventSchemas.violations(EventTypes.STANDARD_PUBLISHED, event.value())).isEmpty();
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
    @ValueSource(strings = {"bus.voltage", "$where", "passage diameter"})
    void aKeyParameterNameThatCouldNotBeAStoredFieldNameIsABadRequestAndNothingIsStored(String name) {
        // given
        String code = uniqueCode();

        // when
        WebTestClient.ResponseSpec response = publish(aDockingStandard(code).keyParameters(Map.of(name, "120 V DC")));

        // then
        expectProblem(response, 400, "revisions[0].keyParameters[" + name + "]");
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aNewStandardWithoutCodeBreaksARuleNamingTheCode() {
        expectProblem(publish(aDockingStandard(uniqueCode()).without("code")), 422, "code");
    }

    @Test
    void aLowerCaseCodeIsABadRequestNamingTheCode() {
        expectProblem(publish(aDockingStandard("idss-" + uniqueCode().substring(1, 5).toLowerCase())), 400, "code");
    }

    @Test
    void aDomainOutsideTheVocabularyIsABadRequestNamingTheDomain() {
        expectProblem(publish(aDockingStandard(uniqueCode()).with("domain", "PLUMBING")), 400, "domain");
    }

    @Test
    void aStandardWithoutRevisionsIsABadRequestNamingTheRevisions() {
        expectProblem(publish(aDockingStandard(uniqueCode()).revisions(List.of())), 400, "revisions");
    }

    private WebTestClient.ResponseSpec publish(StandardDrafts draft) {
        return http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON).bodyValue(draft.body())
                .exchange();
    }

    private static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status,
            String field) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(field));
    }
}
