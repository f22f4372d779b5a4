package org.isecg.web.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.isecg.web.problem.NotFoundException;
import org.isecg.web.problem.VersionMismatchException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The If-Match rules as a client meets them, on a controller whose versions live in a map: the same
 * order of checks as the services' writer (missing header, then malformed header, then an unknown
 * resource, then a version that does not match).
 */
@WebFluxTest(controllers = IfMatchSliceTest.ThingController.class)
@Import(IfMatchSliceTest.ThingController.class)
class IfMatchSliceTest {

    @Autowired
    WebTestClient http;

    @Autowired
    ThingController things;

    @RestController
    static class ThingController {

        final Map<String, Long> versions = new ConcurrentHashMap<>();

        @PutMapping("/things/{id}")
        Mono<ResponseEntity<Void>> change(@PathVariable String id,
                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String header) {
            IfMatch ifMatch = Versions.ifMatch(header, "thing");
            Long current = versions.get(id);
            if (current == null) {
                return Mono.error(new NotFoundException("thing", id));
            }
            if (!ifMatch.matches(current)) {
                return Mono.error(new VersionMismatchException("thing", id, ifMatch, current));
            }
            versions.put(id, current + 1);
            return Mono.just(ResponseEntity.noContent().eTag(Versions.etag(current + 1)).build());
        }
    }

    @BeforeEach
    void aThingAtVersionTwo() {
        things.versions.put("t-1", 2L);
    }

    @Test
    void theCurrentVersionsEtagApplies() {
        change("t-1", "\"2\"").expectStatus().isNoContent().expectHeader().valueEquals("ETag", "\"3\"");
    }

    @Test
    void aListAppliesIfItNamesTheCurrentVersion() {
        change("t-1", "\"1\", \"2\"").expectStatus().isNoContent().expectHeader().valueEquals("ETag", "\"3\"");
    }

    @Test
    void theStarAppliesToWhateverVersionIsCurrent() {
        change("t-1", "*").expectStatus().isNoContent().expectHeader().valueEquals("ETag", "\"3\"");
    }

    @Test
    void aWeakTagOfTheCurrentVersionIsAFailedPreconditionThatSaysWhy() {
        change("t-1", "W/\"2\"").expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-mismatch")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("W/\"2\" is a weak entity tag").contains("RFC 9110 §13.1.1").contains("never matches"));
        assertThat(things.versions).containsEntry("t-1", 2L);
    }

    @Test
    void anOlderVersionIsAFailedPreconditionNamingTheCurrentOne() {
        change("t-1", "\"1\"").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("thing 't-1' is at version 2, not 1"));
    }

    @Test
    void noIfMatchIsPreconditionRequired() {
        change("t-1", null).expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
    }

    @Test
    void aMalformedIfMatchIsABadRequestNamingTheHeader() {
        change("t-1", "2").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");
    }

    @Test
    void anUnknownThingIsNotFoundWhateverTheIfMatch() {
        // RFC 9110 §13.2.1: a precondition is ignored where the request would fail without it
        change("t-0", "*").expectStatus().isNotFound();
        change("t-0", "\"1\"").expectStatus().isNotFound();
    }

    @Test
    void severalIfMatchFieldsAreOneList() {
        http.put().uri("/things/t-1").header(HttpHeaders.IF_MATCH, "\"1\"", "\"2\"").exchange()
                .expectStatus().isNoContent();
    }

    private WebTestClient.ResponseSpec change(String id, String ifMatch) {
        WebTestClient.RequestBodySpec request = http.put().uri("/things/{id}", id);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }
}
