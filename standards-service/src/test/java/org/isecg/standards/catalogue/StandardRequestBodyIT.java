package org.isecg.standards.catalogue;

import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.isecg.standards.steward.RegisteredStewards;
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
 * OWASP API3 and API4 at the catalogue: a body that sets what only the catalogue sets, or fields no
 * request has (in a revision too), is refused naming them all, and so is one over a limit; either way
 * nothing is stored.
 */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardRequestBodyIT {

    @Autowired
    WebTestClient http;

    @BeforeEach
    void withStandardsBoardsToken() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().standardsBoard()).build();
    }

    @Test
    void aPublicationSettingServerOwnedAndUnknownFieldsIsRefusedNamingEveryOneAndPublishesNothing() {
        // given
        String code = uniqueCode();
        Map<String, Object> revision = StandardDrafts.aRevision("E", "BASELINED", "2016-05");
        revision.put("id", "rev-1");
        StandardDrafts draft = aDockingStandard(code).with("version", 3).with("publishedAt", "2020-01-01T00:00:00Z")
                .with("owner", "NASA").revisions(List.of(revision));

        // when
        WebTestClient.ResponseSpec response = publish(draft);

        // then
        response.expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/refused-fields")
                .jsonPath("$.fields").isEqualTo(List.of("revisions[0].id", "version", "publishedAt", "owner"))
                .jsonPath("$.errors[?(@.field == 'publishedAt')].message")
                .isEqualTo("is server-owned: the service sets it, a request may not")
                .jsonPath("$.errors[?(@.field == 'revisions[0].id')].message").isEqualTo("is not a field of this request");
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aRevisionSettingTheVersionIsRefusedAndChangesNothing() {
        // given
        String code = uniqueCode();
        publish(aDockingStandard(code)).expectStatus().isCreated();

        // when
        WebTestClient.ResponseSpec response = http.put().uri("/api/v1/standards/{code}", code).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(code).with("title", "Retitled").with("version", 9)
                        .with("updatedAt", "2020-01-01T00:00:00Z").revision("F", "DRAFT", "2022").body())
                .exchange();

        // then
        response.expectStatus().isBadRequest()
                .expectBody().jsonPath("$.fields").isEqualTo(List.of("version", "updatedAt"));
        http.get().uri("/api/v1/standards/{code}", code).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Docking System Standard " + code)
                .jsonPath("$.revisions.length()").isEqualTo(1);
    }

    @Test
    void moreStewardsThanTheLimitAreRefusedNamingTheListAndPublishNothing() {
        String code = uniqueCode();
        List<String> stewards = IntStream.rangeClosed(1, 41).mapToObj(i -> "AG" + i).toList();

        publish(aDockingStandard(code).with("stewards", stewards)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("stewards")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 40");
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void moreKeyParametersThanTheLimitAreRefusedNamingTheRevisionsMap() {
        String code = uniqueCode();
        Map<String, Object> parameters = new LinkedHashMap<>();
        IntStream.rangeClosed(1, 31).forEach(i -> parameters.put("p" + i, "v"));

        publish(aDockingStandard(code).keyParameters(parameters)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("revisions[0].keyParameters")
                .jsonPath("$.errors[0].message").isEqualTo("size must be between 0 and 30");
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aTitleOrAKeyParameterLongerThanTheLimitIsRefusedNamingIt() {
        String code = uniqueCode();

        publish(aDockingStandard(code).with("title", "T".repeat(301)).keyParameters(Map.of("mass", "m".repeat(201))))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'title')].message").isEqualTo("size must be between 0 and 300")
                .jsonPath("$.errors[?(@.field == 'revisions[0].keyParameters[mass]')].message")
                .isEqualTo("size must be between 0 and 200");
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aBodyOverTheServicesLimitIsA413ProblemNamingTheLimitAndPublishesNothing() {
        String code = uniqueCode();

        publish(aDockingStandard(code).with("title", "t".repeat(1_100_000))).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").isEqualTo("the request body is larger than the limit of 1 MiB (1048576 bytes)");
        http.get().uri("/api/v1/standards/{code}", code).exchange().expectStatus().isNotFound();
    }

    @Test
    void aPageSizeAboveTheMaximumIsRefusedNamingTheMaximumRatherThanClamped() {
        http.get().uri("/api/v1/standards?pageSize=201").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("pageSize")
                .jsonPath("$.errors[0].message").isEqualTo("pageSize must be between 1 and 200");
    }

    private WebTestClient.ResponseSpec publish(StandardDrafts draft) {
        return http.post().uri("/api/v1/standards").contentType(MediaType.APPLICATION_JSON).bodyValue(draft.body()).exchange();
    }
}
