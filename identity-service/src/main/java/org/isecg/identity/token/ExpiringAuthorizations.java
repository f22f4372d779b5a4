package org.isecg.identity.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * The server's record of issued tokens (for introspection and revocation), kept only until each token
 * expires. The in-memory service alone keeps every authorization for ever, so a client that asks for a
 * token per request would grow this process without bound; nothing here outlives a restart, and
 * nothing needs to, since the services verify tokens by signature.
 *
 * <p>Every token of one running server has the same lifetime, so authorizations expire in the order
 * they were saved and the oldest are dropped from the head of a queue.
 */
public final class ExpiringAuthorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService authorizations = new InMemoryOAuth2AuthorizationService();
    private final Queue<OAuth2Authorization> bySaveTime = new ConcurrentLinkedQueue<>();
    private final Clock clock;

    public ExpiringAuthorizations(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        dropExpired();
        authorizations.save(authorization);
        bySaveTime.add(authorization);
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        authorizations.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        dropExpired();
        return authorizations.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        dropExpired();
        return authorizations.findByToken(token, tokenType);
    }

    /** How many authorizations are held, expired ones not yet dropped included. */
    int size() {
        return bySaveTime.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        for (OAuth2Authorization oldest = bySaveTime.peek(); oldest != null && expired(oldest, now);
                oldest = bySaveTime.peek()) {
            // another thread may have taken the same head; only the one that removes it drops it
            if (bySaveTime.remove(oldest)) {
                authorizations.remove(oldest);
            }
        }
    }

    private static boolean expired(OAuth2Authorization authorization, Instant now) {
        OAuth2Authorization.Token<OAuth2AccessToken> accessToken = authorization.getAccessToken();
        Instant expiresAt = accessToken == null ? null : accessToken.getToken().getExpiresAt();
        return expiresAt == null || !expiresAt.isAfter(now);
    }
}
