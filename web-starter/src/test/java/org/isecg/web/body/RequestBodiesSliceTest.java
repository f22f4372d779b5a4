package org.isecg.web.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isecg.web.problem.ProblemTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

/**
 * Request bodies are read strictly, through the codecs the web starter gives a WebFlux slice: every
 * field a request does not take and every field it declares server-owned is named in one 400, the
 * handler never runs, and what the service itself reads as a client stays tolerant.
 */
@WebFluxTest(controllers = RequestBodiesSliceTest.MissionController.class)
@Import(RequestBodiesSliceTest.MissionController.class)
class RequestBodiesSliceTest {

    /** What the handler was given: empty when every body was refused before it. */
    static final List<Mission> ACCEPTED = new CopyOnWriteArrayList<>();

    @Autowired
    WebTestClient http;

    @ServerOwned({"id", "version", "createdAt", "history"})
    record Mission(@NotBlank String title, LocalDate start, List<@Valid Stage> stages, Set<@Valid Stage> spares,
            Map<String, String> keyParameters, Window window) {
    }

    @ServerOwned("stageId")
    record Stage(String name, Integer crew) {
    }

    record Window(LocalDate from, LocalDate to) {
    }

    /** A narrower view of the missions the controller answers, as a client would read them. */
    record MissionTitle(String title) {
    }

    @RestController
    static class MissionController {

        @PostMapping("/missions")
        Mono<ResponseEntity<Void>> create(@Valid @RequestBody Mission mission) {
            ACCEPTED.add(mission);
            return Mono.just(ResponseEntity.noContent().build());
        }

        @GetMapping("/missions/first")
        Map<String, Object> first() {
            return Map.of("title", "Artemis III", "version", 3, "createdAt", "2026-01-01T00:00:00Z");
        }
    }

    @BeforeEach
    void forgetAccepted() {
        ACCEPTED.clear();
    }

    @Test
    void aBodyWithOnlyTheRequestsFieldsIsTaken() {
        post("{\"title\": \"Artemis III\", \"stages\": [{\"name\": \"HLS\", \"crew\": 2}], \"window\": {\"from\": \"2027-01-01\"}}")
                .expectStatus().isNoContent();

        assertThat(ACCEPTED).singleElement().extracting(Mission::title).isEqualTo("Artemis III");
    }

    @Test
    void aServerOwnedFieldIsRefusedAsServerOwnedAndTheHandlerNeverRuns() {
        post("{\"title\": \"Artemis III\", \"version\": 7}")
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.REFUSED_FIELDS)
                .jsonPath("$.fields").isEqualTo(List.of("version"))
                .jsonPath("$.detail").isEqualTo("the request sets fields that are server-owned: version; leave them out")
                .jsonPath("$.errors[0].field").isEqualTo("version")
                .jsonPath("$.errors[0].message").isEqualTo("is server-owned: the service sets it, a request may not");

        assertThat(ACCEPTED).isEmpty();
    }

    @Test
    void everyRefusedFieldIsNamedInBodyOrderNotOnlyTheFirst() {
        post("{\"id\": \"m-1\", \"title\": \"Artemis III\", \"colour\": \"red\", \"createdAt\": \"2026-01-01T00:00:00Z\","
                + " \"history\": [{\"at\": 1}, [2, 3]], \"extra\": {\"deep\": {\"er\": [1]}}, \"start\": \"2027-01-01\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.fields").isEqualTo(List.of("id", "colour", "createdAt", "history", "extra"))
                .jsonPath("$.detail").isEqualTo("the request sets fields that are server-owned (id, createdAt, history)"
                        + " and fields it does not take (colour, extra); leave them out")
                .jsonPath("$.errors[?(@.field == 'colour')].message").isEqualTo("is not a field of this request")
                .jsonPath("$.errors[?(@.field == 'history')].message")
                .isEqualTo("is server-owned: the service sets it, a request may not");

        assertThat(ACCEPTED).isEmpty();
    }

    @Test
    void fieldsInNestedObjectsAreNamedByTheirPathAndOwnedByTheirOwnRecord() {
        // stageId is server-owned in a stage, not in the mission; id is server-owned in the mission, not in a stage
        post("{\"title\": \"Artemis III\", \"stages\": [{\"name\": \"SLS\", \"crew\": 0},"
                + " {\"stageId\": \"s-2\", \"name\": \"HLS\", \"crew\": 2, \"id\": 9}],"
                + " \"window\": {\"from\": \"2027-01-01\", \"length\": 30, \"to\": \"2027-02-01\"},"
                + " \"spares\": [{\"name\": \"Orion\", \"mass\": {\"kg\": 26520}}], \"stageId\": \"s-0\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.fields").isEqualTo(List.of("stages[1].stageId", "stages[1].id", "window.length",
                        "spares[0].mass", "stageId"))
                .jsonPath("$.errors[?(@.field == 'stages[1].stageId')].message")
                .isEqualTo("is server-owned: the service sets it, a request may not")
                .jsonPath("$.errors[?(@.field == 'stages[1].id')].message").isEqualTo("is not a field of this request")
                .jsonPath("$.errors[?(@.field == 'stageId')].message").isEqualTo("is not a field of this request");

        assertThat(ACCEPTED).isEmpty();
    }

    @Test
    void aFieldAfterEveryOtherFieldOfANestedRecordIsNamedByItsPathToo() {
        // all of a record's arguments are in before the unknown field: Jackson reports it straight from the body
        post("{\"title\": \"Artemis III\", \"stages\": [{\"name\": \"HLS\", \"crew\": 2, \"fuel\": \"LOX\"}]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("stages[0].fuel"));
    }

    @Test
    void aValueOfTheWrongKindIsToldFirstAndTheRefusedFieldsOnceTheBodyReads() {
        // given a body that sets a server-owned field and has a value of the wrong kind
        String body = "{\"version\": 2, \"title\": \"Artemis III\", \"start\": \"next year\"}";

        // when, then: the value is told first, as it stops the read
        post(body).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("start");
        // and once it is fixed, the server-owned field
        post(body.replace("next year", "2027-01-01")).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.REFUSED_FIELDS)
                .jsonPath("$.fields").isEqualTo(List.of("version"));
        assertThat(ACCEPTED).isEmpty();
    }

    @Test
    void aBodyOfTheRightFieldsButAWrongValueIsStillDescribedAsBefore() {
        post("{\"title\": \"Artemis III\", \"start\": \"next year\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.INVALID_REQUEST)
                .jsonPath("$.errors[0].field").isEqualTo("start")
                .jsonPath("$.fields").doesNotExist();
    }

    @Test
    void mapKeysAreDataNotFields() {
        post("{\"title\": \"Artemis III\", \"keyParameters\": {\"version\": \"F\", \"id\": \"x\"}}")
                .expectStatus().isNoContent();
    }

    @Test
    void whatTheServiceReadsAsAClientStaysTolerantOfFieldsItDoesNotKnow() {
        MissionTitle title = http.get().uri("/missions/first").exchange()
                .expectStatus().isOk()
                .expectBody(MissionTitle.class).returnResult().getResponseBody();

        assertThat(title).isEqualTo(new MissionTitle("Artemis III"));
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/missions").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
