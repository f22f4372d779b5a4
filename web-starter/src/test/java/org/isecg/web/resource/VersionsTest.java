package org.isecg.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.web.problem.VersionRequiredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @Test
    void theEtagOfAVersionMatchesThatVersionAndNoOther() {
        IfMatch ifMatch = Versions.ifMatch(Versions.etag(42), "plan");

        assertThat(ifMatch.matches(42)).isTrue();
        assertThat(ifMatch.matches(41)).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void aChangeWithoutIfMatchIsRefusedAsPreconditionRequired(String ifMatch) {
        assertThatThrownBy(() -> Versions.ifMatch(ifMatch, "plan")).isInstanceOf(VersionRequiredException.class)
                .hasMessageContaining("If-Match");
    }
}
