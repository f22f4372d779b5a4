package org.isecg.notification.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.isecg.notification.standards.StandardFacts.published;
import static org.isecg.notification.standards.StandardFacts.revisionAdded;
import static org.isecg.notification.standards.StandardFacts.uniqueCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.isecg.notification.NotifierContext;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The operator's view of the standard projection on the management port, over real HTTP. */
class StandardsEndpointIT extends NotifierContext {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };

    @LocalManagementPort
    int managementPort;
    @Autowired
    StandardProjection projection;

    WebTestClient management;
    String code;

    @BeforeEach
    void aStandardTheNotifierKnows() {
        // 15 s per request, as ServiceIntegration gives the API's client
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15)).build();
        code = uniqueCode();
        publish(wrapped(published(code, "E", "F")));
        publish(wrapped(revisionAdded(code, 2, "G", "E", "F")));
        await().atMost(PATIENCE).until(() -> projection.find(code).filter(standard -> standard.version() == 2).isPresent());
    }

    @Test
    void anOperatorListsTheStandardsWithTheirVersionsAndRevisionStatuses() {
        List<Map<String, Object>> standards = asOperator("/actuator/standards").expectStatus().isOk()
                .expectBody(JSON_LIST).returnResult().getResponseBody();

        assertThat(standards).filteredOn(standard -> code.equals(standard.get("code"))).singleElement()
                .satisfies(standard -> {
                    assertThat(standard).containsEntry("version", 2);
                    assertThat(standard.get("revisions")).isEqualTo(
                            Map.of("E", "SUPERSEDED", "F", "BASELINED", "G", "DRAFT"));
                });
    }

    @Test
    void anOperatorReadsOneStandardsState() {
        asOperator("/actuator/standards/" + code).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.domain").isEqualTo("DOCKING")
                .jsonPath("$.stewards").isEqualTo(List.of("ESA", "NASA"))
                .jsonPath("$.revisions[*].revision").isEqualTo(List.of("E", "F", "G"))
                .jsonPath("$.revisions[*].status").isEqualTo(List.of("SUPERSEDED", "BASELINED", "DRAFT"));
    }

    @Test
    void anUnknownCodeIsA404Problem() {
        String unknown = uniqueCode();

        asOperator("/actuator/standards/" + unknown).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Unknown standard")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains(unknown));
    }

    @Test
    void withoutATokenItIsA401AndWithAnAgencysTokenA403() {
        TokenExpectations.tokenRequired(management.get().uri("/actuator/standards").exchange());
        TokenExpectations.tokenRequired(management.get().uri("/actuator/standards/{code}", code).exchange());
        TokenExpectations.insufficientScope(management.get().uri("/actuator/standards")
                .headers(TestTokens.bearer(TOKENS.agency("ESA"))).exchange(), "hub.operator");
        TokenExpectations.insufficientScope(management.get().uri("/actuator/standards/{code}", code)
                .headers(TestTokens.bearer(TOKENS.agency("ESA"))).exchange(), "hub.operator");
    }

    private WebTestClient.ResponseSpec asOperator(String path) {
        return management.get().uri(path).headers(TestTokens.bearer(TOKENS.operator())).exchange();
    }
}
