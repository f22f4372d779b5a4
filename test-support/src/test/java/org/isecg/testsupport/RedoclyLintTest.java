package org.isecg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The lint fails a document that breaks the recommended rules, and passes one that keeps them. */
class RedoclyLintTest {

    private static final String NO_SECURITY_NO_4XX = """
            {"openapi": "3.1.0",
             "info": {"title": "t", "version": "1", "license": {"name": "l", "url": "https://example.org/l"}},
             "servers": [{"url": "/"}],
             "paths": {"/things": {"get": {"operationId": "listThings", "summary": "List things",
                 "responses": {"200": {"description": "the things"}}}}}}
            """;

    private static final String CLEAN = """
            {"openapi": "3.1.0",
             "info": {"title": "t", "version": "1", "license": {"name": "l", "url": "https://example.org/l"}},
             "servers": [{"url": "/"}],
             "security": [{"bearerAuth": []}],
             "tags": [{"name": "things", "description": "Things"}],
             "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
             "paths": {"/things": {"get": {"operationId": "listThings", "summary": "List things", "tags": ["things"],
                 "responses": {"200": {"description": "the things"}, "401": {"description": "no token"}}}}}}
            """;

    @Test
    void aDocumentWithoutSecurityHasErrorsAndFailsTheAssertion() {
        RedoclyLint.Result result = RedoclyLint.lint("no-security", NO_SECURITY_NO_4XX);

        assertThat(result.passed()).isFalse();
        assertThat(result.errors()).isPositive();
        assertThat(result.output()).contains("security-defined");
        assertThatThrownBy(() -> RedoclyLint.assertNoErrors("no-security", NO_SECURITY_NO_4XX))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("security-defined");
    }

    @Test
    void aDocumentThatKeepsTheRulesPasses() {
        RedoclyLint.Result result = RedoclyLint.assertNoErrors("clean", CLEAN);

        assertThat(result.errors()).isZero();
        assertThat(result.warnings()).isZero();
    }

    @Test
    void thePinnedVersionComesFromTheParentPom() {
        assertThat(RedoclyLint.VERSION).matches("\\d+\\.\\d+\\.\\d+");
    }
}
