package org.isecg.identity.token;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a client-credentials token request; a request that names no scope is granted every scope of
 * its client, RFC 6749's "pre-defined default value" (section 3.3), so that one command without scopes
 * gives a usable token. The server's own default would be a token with no scope at all.
 *
 * <p>It is the token endpoint's only converter, so every other grant type is answered
 * {@code unsupported_grant_type}.
 */
public final class ClientScopesByDefault implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter clientCredentials =
            new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = clientCredentials.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
                && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken principal) {
            RegisteredClient client = principal.getRegisteredClient();
            if (client != null) {
                return new OAuth2ClientCredentialsAuthenticationToken(principal, client.getScopes(),
                        token.getAdditionalParameters());
            }
        }
        return converted;
    }
}
