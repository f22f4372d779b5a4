package org.isecg.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.web.problem.InvalidRequestException;
import org.isecg.web.problem.VersionRequiredException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsTest {

    @Test
    void theEtagOfAVersionReadsBackAsThatVersion() {
        assertThat(Versions.fromIfMatch(Versions.etag(42), "plan")).isEqualTo(42);
    }

    @Test
    void aWeakEtagIsAcceptedBecauseProxiesMayWeakenThem() {
        assertThat(Versions.fromIfMatch("W/\"7\"", "plan")).isEqualTo(7);
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedAsPreconditionRequired() {
        assertThatThrownBy(() -> Versions.fromIfMatch(null, "plan")).isInstanceOf(VersionRequiredException.class)
                .hasMessageContaining("If-Match");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "\"seven\"", "*", "\"1\", \"2\"", "\"99999999999999999999\""})
    void anythingButOneVersionEtagIsABadRequest(String ifMatch) {
        assertThatThrownBy(() -> Versions.fromIfMatch(ifMatch, "plan")).isInstanceOf(InvalidRequestException.class);
    }
}
