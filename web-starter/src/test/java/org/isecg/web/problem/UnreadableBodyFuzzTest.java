package org.isecg.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.isecg.web.problem.FuzzDrafts.Case;
import org.isecg.web.problem.FuzzDrafts.Draft;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A few hundred malformed bodies, generated from a fixed seed, against a controller whose request
 * has a field of every kind the services use: each is a 400 problem detail that names the field at
 * fault and says what JSON it takes, and none names a Java type or repeats the parser's message.
 */
@WebFluxTest(controllers = UnreadableBodyFuzzTest.FuzzController.class)
@Import(UnreadableBodyFuzzTest.FuzzController.class)
class UnreadableBodyFuzzTest {

    private static final long SEED = 20_240_611L;

    /** What a problem detail shows a client must never contain: Java types and parser internals. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("java\\."), Pattern.compile("tools\\.jackson"), Pattern.compile("`[^`]+`"),
            Pattern.compile("Cannot deserialize"), Pattern.compile("Cannot construct"), Pattern.compile("Cannot coerce"),
            Pattern.compile("JsonToken"), Pattern.compile("Source: "), Pattern.compile("REDACTED"),
            Pattern.compile("Feature"), Pattern.compile("Exception"), Pattern.compile("secret-internal"),
            Pattern.compile("FuzzDrafts"), Pattern.compile("Draft\\b"), Pattern.compile("<init>"));

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @RestController
    static class FuzzController {

        @PostMapping("/fuzz/drafts")
        Mono<ResponseEntity<Void>> accept(@Valid @RequestBody Draft draft) {
            return Mono.just(ResponseEntity.noContent().build());
        }
    }

    @Test
    void theValidBodyTheCasesStartFromIsAccepted() {
        post(FuzzDrafts.valid().text()).expectStatus().isNoContent();
    }

    @Test
    void everyMalformedBodyIsABadRequestProblemNamingTheFieldInClientTerms() {
        // given
        List<Case> cases = FuzzDrafts.cases(SEED);
        assertThat(cases).hasSizeBetween(300, 600);
        List<String> failures = new ArrayList<>();

        // when
        for (Case fuzz : cases) {
            EntityExchangeResult<byte[]> result = post(fuzz.body()).expectBody().returnResult();

            // then
            failures.addAll(check(fuzz, result));
        }
        assertThat(failures).as("%d of %d cases", failures.size(), cases.size()).isEmpty();
    }

    private List<String> check(Case fuzz, EntityExchangeResult<byte[]> result) {
        List<String> failures = new ArrayList<>();
        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody());
        String where = fuzz.name() + " -> " + result.getStatus().value() + " " + body;
        if (result.getStatus().value() != 400) {
            return List.of("status " + where);
        }
        if (!MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(result.getResponseHeaders().getContentType())) {
            return List.of("content type " + result.getResponseHeaders().getContentType() + ": " + where);
        }
        Map<String, Object> problem = json.readValue(body, Map.class);
        List<String> shown = new ArrayList<>();
        shown.add(String.valueOf(problem.get("detail")));
        List<Map<String, Object>> errors = problem.get("errors") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        errors.forEach(error -> shown.add(String.valueOf(error.get("message"))));
        for (String text : shown) {
            LEAKS.stream().filter(leak -> leak.matcher(text).find())
                    .forEach(leak -> failures.add("leaks " + leak + ": " + where));
        }
        if (!fuzz.field().isEmpty()) {
            boolean named = errors.stream().map(error -> String.valueOf(error.get("field")))
                    .anyMatch(field -> FuzzDrafts.root(field).equals(fuzz.field()));
            if (!named) {
                failures.add("does not name " + fuzz.field() + ": " + where);
            }
        }
        return failures;
    }

    private WebTestClient.ResponseSpec post(String body) {
        return http.post().uri("/fuzz/drafts").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
