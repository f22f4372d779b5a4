package org.isecg.standards.catalogue;

import static org.isecg.standards.catalogue.StandardDrafts.aDockingStandard;
import static org.isecg.standards.catalogue.StandardDrafts.uniqueCode;

import org.isecg.standards.steward.RegisteredStewards;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.isecg.testsupport.TokenExpectations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what with the catalogue, over real HTTP: bad tokens are 401 and publish nothing; only the
 * standards board publishes and revises; any member reads.
 */
@ServiceIntegration
@ExtendWith(RegisteredStewards.class)
class StandardAccessIT {

    private static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    WebTestClient http;

    String published;

    @BeforeEach
    void aStandardTheBoardPublished() {
        published = uniqueCode();
        publish(aDockingStandard(published), TOKENS.standardsBoard()).expectStatus().isCreated();
    }

    @Test
    void everyBadTokenIsA401ProblemAndPublishesNothing() {
        for (TestTokens.BadToken bad : TOKENS.badTokens()) {
            String code = uniqueCode();

            TokenExpectations.invalidToken(publish(aDockingStandard(code), bad.token()));

            read(code, TOKENS.reader("ESA")).expectStatus().isNotFound();
        }
        TokenExpectations.tokenRequired(http.get().uri("/api/v1/standards").exchange());
    }

    @Test
    void nasaCannotPublishAStandardNorReviseOne() {
        String code = uniqueCode();

        TokenExpectations.insufficientScope(publish(aDockingStandard(code), TOKENS.agency("NASA")), "hub.standards");
        TokenExpectations.insufficientScope(http.put().uri("/api/v1/standards/{code}", published)
                .headers(TestTokens.bearer(TOKENS.agency("NASA"))).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(aDockingStandard(published).with("title", "Hijacked").body()).exchange(), "hub.standards");

        read(code, TOKENS.reader("ESA")).expectStatus().isNotFound();
        read(published, TOKENS.reader("ESA")).expectStatus().isOk().expectHeader().valueEquals("ETag", "\"1\"");
    }

    @Test
    void theSecretariatCannotPublishAStandard() {
        TokenExpectations.insufficientScope(publish(aDockingStandard(uniqueCode()), TOKENS.secretariat()), "hub.standards");
    }

    @Test
    void everyMemberReadsTheCatalogue() {
        read(published, TOKENS.reader("ISRO")).expectStatus().isOk();
        http.get().uri("/api/v1/standards").headers(TestTokens.bearer(TOKENS.operator())).exchange().expectStatus().isOk();
    }

    @Test
    void theHistorySaysTheBoardPublishedItAndAnyMemberReadsIt() {
        http.get().uri("/api/v1/standards/{code}/history", published).headers(TestTokens.bearer(TOKENS.reader("ISRO")))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries.length()").isEqualTo(1)
                .jsonPath("$.entries[0].version").isEqualTo(1)
                .jsonPath("$.entries[0].event").isEqualTo("org.isecg.standards.standard.published.v1")
                .jsonPath("$.entries[0].client").isEqualTo("standards-board")
                .jsonPath("$.entries[0].agency").doesNotExist();
        http.get().uri("/api/v1/standards/{code}/history", uniqueCode()).headers(TestTokens.bearer(TOKENS.reader("ISRO")))
                .exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec publish(StandardDrafts draft, String token) {
        return http.post().uri("/api/v1/standards").headers(TestTokens.bearer(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(draft.body()).exchange();
    }

    private WebTestClient.ResponseSpec read(String code, String token) {
        return http.get().uri("/api/v1/standards/{code}", code).headers(TestTokens.bearer(token)).exchange();
    }
}
