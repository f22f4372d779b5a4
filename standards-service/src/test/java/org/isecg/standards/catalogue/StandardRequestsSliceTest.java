package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.parameter;

import java.util.List;
import java.util.Map;

import org.isecg.web.resource.MapKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * The catalogue's request bodies at the HTTP edge, without the catalogue: a controller that only
 * validates a {@code PublishStandard} shows which bodies the API refuses before anything is stored,
 * and what the problem detail says. What the catalogue does with the accepted ones is in the ITs.
 */
@WebFluxTest(controllers = StandardRequestsSliceTest.RequestsOnly.class)
@Import(StandardRequestsSliceTest.RequestsOnly.class)
@ActiveProfiles("test")
class StandardRequestsSliceTest {

    @Autowired
    WebTestClient http;

    @RestController
    static class RequestsOnly {

        @PostMapping("/slice/standards")
        Mono<ResponseEntity<Void>> accept(@Valid @RequestBody StandardRequests.PublishStandard request) {
            return Mono.just(ResponseEntity.noContent().build());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"passage_diameter", "bus-voltage", "A", "uhf_channels2"})
    void aKeyParameterNamedWithLettersDigitsUnderscoresOrHyphensIsAccepted(String name) {
        post(aDockingStandard("IDSS").keyParameters(List.of(parameter(name, "800", "mm"))).body()).expectStatus().isNoContent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bus.voltage", "$where", "$set", "1st_stage", "passage diameter", "_id", "a]b", "a[0]",
            "durchmesser_ü", "x23456789012345678901234567890123456789012345678901234567890123456", ""})
    void anEmptyOrMalformedKeyParameterNameIsABadRequestNamingTheParameter(String name) {
        post(aDockingStandard("IDSS").keyParameters(List.of(parameter(name, "800", "mm"))).body())
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("revisions[0].keyParameters[0].name")
                .jsonPath("$.errors[0].message").isEqualTo(MapKeys.MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " mm", "mm "})
    void aBlankValueOrAUnitWithSurroundingSpacesIsABadRequest(String text) {
        post(aDockingStandard("IDSS").keyParameters(List.of(parameter("diameter", text.isBlank() ? text : "800",
                text.isBlank() ? null : text))).body())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").value(field -> assertThat((String) field)
                        .isIn("revisions[0].keyParameters[0].value", "revisions[0].keyParameters[0].unit"));
    }

    @Test
    void keyParametersAsAMapOfStringsSayTheyMustBeAnArray() {
        Map<String, Object> body = aDockingStandard("IDSS").body();
        ((List<Map<String, Object>>) body.get("revisions")).get(0).put("keyParameters", Map.of("passage_diameter", "800 mm"));

        post(body).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("revisions[0].keyParameters")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("array"));
    }

    @Test
    void stewardsAsOneStringSayTheyMustBeAnArray() {
        post(aDockingStandard("IDSS").with("stewards", "NASA").body()).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("stewards")
                .jsonPath("$.errors[0].message").isEqualTo("must be an array of strings, not a string");
    }

    @Test
    void aDomainOutsideTheVocabularyListsTheDomains() {
        post(aDockingStandard("IDSS").with("domain", "PLUMBING").body()).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("domain")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .startsWith("'PLUMBING' is not one of [DOCKING, POWER"));
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return http.post().uri("/slice/standards").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
