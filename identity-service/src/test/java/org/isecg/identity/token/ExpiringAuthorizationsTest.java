package org.isecg.identity.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationsTest {

    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final RegisteredClient NASA = RegisteredClient.withId("NASA").clientId("NASA")
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final ExpiringAuthorizations authorizations = new ExpiringAuthorizations(clock);

    @Test
    void anAuthorizationIsFoundByItsTokenWhileTheTokenLives() {
        OAuth2Authorization issued = issued("token-1");
        authorizations.save(issued);

        clock.advance(LIFETIME.minusSeconds(1));

        assertThat(authorizations.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(issued);
        assertThat(authorizations.findById(issued.getId())).isEqualTo(issued);
    }

    @Test
    void anAuthorizationIsDroppedOnceItsTokenHasExpired() {
        OAuth2Authorization first = issued("token-1");
        authorizations.save(first);
        clock.advance(Duration.ofMinutes(1));
        OAuth2Authorization second = issued("token-2");
        authorizations.save(second);

        clock.advance(LIFETIME.minusSeconds(30));

        assertThat(authorizations.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(authorizations.findById(first.getId())).isNull();
        assertThat(authorizations.findByToken("token-2", OAuth2TokenType.ACCESS_TOKEN)).isEqualTo(second);
        assertThat(authorizations.size()).isEqualTo(1);
    }

    @Test
    void manyTokensOverTimeDoNotAccumulate() {
        for (int i = 0; i < 1_000; i++) {
            authorizations.save(issued("token-" + i));
            clock.advance(Duration.ofSeconds(1));
        }

        // one token per second, each living five minutes: about 300 alive at any time
        assertThat(authorizations.size()).isEqualTo(300);
    }

    @Test
    void aRemovedAuthorizationIsGoneAtOnce() {
        OAuth2Authorization issued = issued("token-1");
        authorizations.save(issued);

        authorizations.remove(issued);

        assertThat(authorizations.findById(issued.getId())).isNull();
    }

    private OAuth2Authorization issued(String tokenValue) {
        Instant now = clock.instant();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, tokenValue, now,
                now.plus(LIFETIME), Set.of("hub.read"));
        return OAuth2Authorization.withRegisteredClient(NASA)
                .id("authorization-" + tokenValue)
                .principalName("NASA")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .accessToken(token)
                .build();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
