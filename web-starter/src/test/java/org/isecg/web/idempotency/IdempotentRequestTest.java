package org.isecg.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

class IdempotentRequestTest {

    record Body(String code, long version) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final IdempotencyKey KEY = IdempotencyKey.parse("\"k-1\"");

    private final RecordedResponse first = RecordedResponse.of(ResponseEntity.created(URI.create("/things/ESA"))
            .eTag("\"1\"").body(new Body("ESA", 1)), JSON);

    @Test
    void aRetryOfTheSameRequestGetsTheFirstResponseWithItsStatusHeadersAndBody() {
        IdempotentRequest retry = new IdempotentRequest("anonymous", KEY, "sha-256:same");

        ResponseEntity<Body> replayed = retry.answerAsRetryOf("sha-256:same", first, Body.class, JSON);

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(replayed.getHeaders().getLocation()).isEqualTo(URI.create("/things/ESA"));
        assertThat(replayed.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(replayed.getBody()).isEqualTo(new Body("ESA", 1));
    }

    @Test
    void anotherRequestUnderTheSameKeyIsRefusedAsAReusedKey() {
        IdempotentRequest other = new IdempotentRequest("anonymous", KEY, "sha-256:other");

        assertThatThrownBy(() -> other.answerAsRetryOf("sha-256:same", first, Body.class, JSON))
                .isInstanceOf(IdempotencyKeyReusedException.class)
                .hasMessageContaining("\"k-1\"")
                .satisfies(e -> assertThat(((IdempotencyKeyReusedException) e).status())
                        .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }

    @Test
    void aKeyIsClaimedByOneRequestAtATimeUntilItIsReleased() {
        InFlightKeys inFlight = new InFlightKeys();

        InFlightKeys.Claim claim = inFlight.claim("anonymous", KEY).orElseThrow();

        assertThat(inFlight.claim("anonymous", KEY)).isEmpty();
        assertThat(inFlight.claim("another caller", KEY)).isPresent();
        claim.close();
        assertThat(inFlight.isClaimed("anonymous", KEY)).isFalse();
        assertThat(inFlight.claim("anonymous", KEY)).isPresent();
    }
}
