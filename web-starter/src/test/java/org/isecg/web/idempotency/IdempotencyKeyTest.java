package org.isecg.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.web.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

class IdempotencyKeyTest {

    @Test
    void aQuotedStringIsTheKeyItHolds() {
        assertThat(IdempotencyKey.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"").value())
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void escapedQuotesAndBackslashesAreUnescapedAndSerialisedBackTheSame() {
        IdempotencyKey key = IdempotencyKey.parse("\"a \\\"quoted\\\" \\\\ key\"");

        assertThat(key.value()).isEqualTo("a \"quoted\" \\ key");
        assertThat(IdempotencyKey.parse(key.serialized())).isEqualTo(key);
    }

    @Test
    void spacesAndTabsAroundTheFieldValueAreNotPartOfTheKey() {
        assertThat(IdempotencyKey.parse(" \t\"k-1\"  ").value()).isEqualTo("k-1");
    }

    @Test
    void aBareValueAsManyClientsSendItIsTheSameKeyAsItsQuotedForm() {
        assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8-bc93-6894a57f9324"))
                .isEqualTo(IdempotencyKey.parse("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
    }

    @Test
    void aKeyOfTheMaximumLengthIsAccepted() {
        String longest = "k".repeat(IdempotencyKey.MAX_LENGTH);

        assertThat(IdempotencyKey.parse("\"" + longest + "\"").value()).hasSize(255);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "\"no closing quote", "\"bad \\escape\"", "\"key\";param=1",
            "\"one\", \"two\"", "bare value", "bare,list", "bare;param", "caf\u00e9", "\"caf\u00e9\"", "\"tab\tinside\""})
    void anythingButOneStringOfPrintableAsciiIsABadRequestNamingTheHeader(String field) {
        assertThatThrownBy(() -> IdempotencyKey.parse(field)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Idempotency-Key")
                .satisfies(e -> assertThat(((InvalidRequestException) e).fieldErrors())
                        .extracting(error -> error.field()).containsExactly("Idempotency-Key"));
    }

    @Test
    void aKeyLongerThanTheMaximumIsABadRequest() {
        String tooLong = "\"" + "k".repeat(IdempotencyKey.MAX_LENGTH + 1) + "\"";

        assertThatThrownBy(() -> IdempotencyKey.parse(tooLong)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aRequestWithoutTheHeaderHasNoKey() {
        assertThat(IdempotencyKey.from(new HttpHeaders())).isEmpty();
    }

    @Test
    void aRequestWithTwoHeaderFieldsIsABadRequest() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(IdempotencyKey.HEADER, "\"one\"");
        headers.add(IdempotencyKey.HEADER, "\"two\"");

        assertThatThrownBy(() -> IdempotencyKey.from(headers)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("one Idempotency-Key header");
    }
}
