package org.isecg.web.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.web.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** If-Match as RFC 9110 §13.1.1 reads it: strong comparison, a list matches if any tag does, * matches any version. */
class IfMatchTest {

    @Test
    void oneStrongTagMatchesExactlyItsVersion() {
        IfMatch ifMatch = IfMatch.parse("\"3\"");

        assertThat(ifMatch.matches(3)).isTrue();
        assertThat(ifMatch.matches(4)).isFalse();
        assertThat(ifMatch.versions()).containsExactly(3L);
    }

    @Test
    void aListMatchesIfAnyOfItsTagsMatches() {
        IfMatch ifMatch = IfMatch.parse("\"3\", \"4\"");

        assertThat(ifMatch.matches(3)).isTrue();
        assertThat(ifMatch.matches(4)).isTrue();
        assertThat(ifMatch.matches(5)).isFalse();
    }

    @Test
    void theStarMatchesWhateverVersionIsCurrent() {
        IfMatch ifMatch = IfMatch.parse(" * ");

        assertThat(ifMatch.any()).isTrue();
        assertThat(ifMatch.matches(1)).isTrue();
        assertThat(ifMatch.matches(Long.MAX_VALUE)).isTrue();
    }

    @Test
    void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly() {
        IfMatch ifMatch = IfMatch.parse("W/\"3\"");

        assertThat(ifMatch.matches(3)).isFalse();
        assertThat(ifMatch.neverMatched()).containsExactly("W/\"3\"");
        assertThat(ifMatch.mismatch("plan", "p-1", 3))
                .contains("is at version 3")
                .contains("W/\"3\" is a weak entity tag")
                .contains("never matches")
                .contains("RFC 9110");
    }

    @Test
    void aWeakTagInAListLeavesTheStrongOnesToMatch() {
        IfMatch ifMatch = IfMatch.parse("W/\"3\", \"4\"");

        assertThat(ifMatch.matches(3)).isFalse();
        assertThat(ifMatch.matches(4)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"03\"", "\"abc\"", "\"99999999999999999999\"", "\"\"", "\"3,4\""})
    void aTagThisServiceNeverIssuedIsWellFormedButMatchesNothing(String tag) {
        IfMatch ifMatch = IfMatch.parse(tag);

        assertThat(ifMatch.versions()).isEmpty();
        assertThat(ifMatch.neverMatched()).containsExactly(tag);
        assertThat(ifMatch.mismatch("plan", "p-1", 3)).contains("not an ETag this service issues");
    }

    @Test
    void emptyListElementsAreIgnoredAsTheListSyntaxAsks() {
        IfMatch ifMatch = IfMatch.parse(", \"3\",, \"4\" ,");

        assertThat(ifMatch.versions()).containsExactly(3L, 4L);
        assertThat(ifMatch).hasToString("\"3\", \"4\"");
    }

    @Test
    void aMismatchNamesTheCurrentVersionAndTheOnesAskedFor() {
        assertThat(IfMatch.parse("\"1\"").mismatch("agency", "ESA", 2))
                .startsWith("agency 'ESA' is at version 2, not 1")
                .endsWith("read it again (its ETag is \"2\") and reapply the change");
        assertThat(IfMatch.parse("\"3\", \"4\"").mismatch("agency", "ESA", 5)).contains("is at version 5, not 3 or 4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "\"7", "7\"", "w/\"7\"", "W/7", "*, \"7\"", "\"7\" \"8\"", "\"7\";", ",", "**", "\"a\"b\""})
    void anythingButStarOrAListOfEntityTagsIsABadRequestNamingIfMatch(String header) {
        assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("If-Match");
    }

    @Test
    void aListOfMoreTagsThanAnyClientNeedsIsRefused() {
        String many = String.join(", ", java.util.Collections.nCopies(IfMatch.MAX_TAGS + 1, "\"1\""));

        assertThatThrownBy(() -> IfMatch.parse(many)).isInstanceOf(InvalidRequestException.class);
    }
}
