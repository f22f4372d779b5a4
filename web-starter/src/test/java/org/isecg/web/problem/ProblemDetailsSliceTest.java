package org.isecg.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.isecg.web.problem.FuzzDrafts.Draft;
import org.isecg.web.resource.MapKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * The problem details a client sees, through the handler as the web starter contributes it to a
 * WebFlux slice: unreadable bodies in the client's terms, validation per field, and a failure of the
 * service as a 500 that gives nothing away but is logged whole.
 */
@WebFluxTest(controllers = ProblemDetailsSliceTest.ProblemController.class)
@Import(ProblemDetailsSliceTest.ProblemController.class)
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsSliceTest {

    private static final String SECRET = "secret-token=hunter2 at mongodb://db.internal:27017";

    @Autowired
    WebTestClient http;

    @RestController
    static class ProblemController {

        @PostMapping("/problems/drafts")
        Mono<ResponseEntity<Void>> accept(@Valid @RequestBody Draft draft) {
            return Mono.just(ResponseEntity.noContent().build());
        }

        @GetMapping("/problems/items")
        Mono<String> items(@RequestParam(required = false) Integer size) {
            return Mono.just("ok");
        }

        @GetMapping("/problems/things/{id}")
        Mono<String> thing(@PathVariable String id) {
            return Mono.error(new NotFoundException("thing", id));
        }

        @GetMapping("/problems/failure")
        Mono<String> failure() {
            throw new IllegalStateException(SECRET);
        }

        @GetMapping("/problems/failure-later")
        Mono<String> failureLater() {
            return Mono.error(new IllegalStateException(SECRET));
        }
    }

    @Test
    void aValueOutsideAnEnumNamesTheFieldAndTheConstants() {
        expectFieldError(post(FuzzDrafts.with("destination", "\"VENUS\"")), "destination",
                "'VENUS' is not one of [MOON, MARS, CISLUNAR_SPACE]");
    }

    @Test
    void aStringWhereASetOfEnumsBelongsSaysWhatTheArrayHolds() {
        expectFieldError(post(FuzzDrafts.with("capabilities", "\"LANDER\"")), "capabilities",
                "must be an array of values each one of [LANDER, ROVER, HABITAT], not a string");
    }

    @Test
    void anArrayWhereAStringBelongsSaysSo() {
        expectFieldError(post(FuzzDrafts.with("title", "[\"a\", \"b\"]")), "title", "must be a string, not an array");
    }

    @Test
    void aDateNotInIsoFormSaysTheFormat() {
        expectFieldError(post(FuzzDrafts.with("window.from", "\"01/06/2030\"")), "window.from",
                "'01/06/2030' is not a date as YYYY-MM-DD");
    }

    @Test
    void aNumberOutOfRangeSaysTheRange() {
        expectFieldError(post(FuzzDrafts.with("parts[0].count", "99999999999")), "parts[0].count",
                "must be a whole number from -2147483648 to 2147483647");
    }

    @Test
    void aMapValueOfTheWrongKindNamesItsKey() {
        expectFieldError(post(FuzzDrafts.with("counts", "{\"landers\": \"two\"}")), "counts[landers]",
                "'two' is not a whole number");
    }

    @Test
    void aMapKeyOutsideThePatternIsAValidationErrorNamingTheKey() {
        post(FuzzDrafts.with("keyParameters", "{\"bus.voltage\": \"120 V\", \"$where\": \"1\"}"))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.VALIDATION)
                .jsonPath("$.errors[?(@.field == 'keyParameters[bus.voltage]')].message").isEqualTo(MapKeys.MESSAGE)
                .jsonPath("$.errors[?(@.field == 'keyParameters[$where]')].message").isEqualTo(MapKeys.MESSAGE);
    }

    @Test
    void aConstructorThatRefusesItsArgumentsIsABadRequestThatKeepsItsMessageToItself() {
        String body = expectFieldError(post(FuzzDrafts.with("checked", "{\"level\": -1}")), "checked",
                "is not a valid value here");

        assertThat(body).doesNotContain("secret-internal").doesNotContain("Checked");
    }

    @Test
    void aBodyCutShortSaysWhereItEnds() {
        String valid = FuzzDrafts.valid().text();

        post(valid.substring(0, valid.length() / 2)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("the request body ends before its JSON is complete at line 1, column"))
                .jsonPath("$.errors").doesNotExist();
    }

    @Test
    void aBodyOfTheWrongKindSaysWhatItMustBe() {
        post("[" + FuzzDrafts.valid().text() + "]").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("the request body must be an object, not an array");
    }

    @Test
    void aQueryParameterOfTheWrongTypeSaysWhatItTakes() {
        http.get().uri("/problems/items?size=ten").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.errors[0].message").isEqualTo("'ten' is not a whole number");
    }

    @Test
    void aHubProblemKeepsItsStatusAndType() {
        http.get().uri("/problems/things/t-1").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/not-found")
                .jsonPath("$.detail").isEqualTo("thing 't-1' does not exist");
    }

    @Test
    void springsOwnClientErrorsKeepTheirStatusRatherThanFallingToTheCatchAll() {
        http.post().uri("/problems/drafts").contentType(MediaType.TEXT_PLAIN).bodyValue("title").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/problems/drafts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(FuzzDrafts.with("title", "\"" + "x".repeat(1_100_000) + "\"")).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("the request body is larger than the limit of 1 MiB (1048576 bytes)");
        http.delete().uri("/problems/drafts").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnmappedExceptionIsA500ThatSaysNothingOfItButIsLoggedWithItsStackTrace(CapturedOutput output) {
        for (String uri : new String[] {"/problems/failure", "/problems/failure-later"}) {
            // when
            // (no tracing in a slice, so no trace id to quote: TracingIT shows the 500 quoting it)
            byte[] body = http.get().uri(uri).exchange()
                    .expectStatus().isEqualTo(500)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(ProblemTypes.INTERNAL_ERROR)
                    .jsonPath("$.detail").isEqualTo("the service failed to handle the request")
                    .returnResult().getResponseBody();

            // then
            assertThat(new String(body)).doesNotContain("hunter2").doesNotContain("db.internal")
                    .doesNotContain("IllegalStateException").doesNotContain("java.");
        }
        assertThat(output.getOut()).contains("ERROR").contains("GET /problems/failure failed")
                .contains("java.lang.IllegalStateException: " + SECRET)
                .contains("at org.isecg.web.problem.ProblemDetailsSliceTest$ProblemController.failure");
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/problems/drafts").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String expectFieldError(WebTestClient.ResponseSpec response, String field, String message) {
        byte[] body = response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message)
                .returnResult().getResponseBody();
        return new String(body);
    }
}
