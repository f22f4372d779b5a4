package org.isecg.identity.token;

import java.util.List;
import java.util.TreeSet;

import org.isecg.identity.client.HubClients;
import org.isecg.web.security.HubScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The Hub's claims in every access token, beside the {@code iss}, {@code sub}, {@code iat}, {@code nbf},
 * {@code exp} and {@code jti} that the authorization server sets:
 * <ul>
 * <li>{@code aud}: the Hub's audience, which every service checks (the server's default, the client id,
 * would make a token good for whatever else trusts this issuer);</li>
 * <li>{@code scope}: the granted scopes as one space-separated string (RFC 9068, section 2.2.3), not the
 * JSON array the server writes by default;</li>
 * <li>{@code client_id} (RFC 9068, section 2.2);</li>
 * <li>{@code agency}: the agency an agency's client acts for; absent for the other clients.</li>
 * </ul>
 */
public final class HubTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String SCOPE = "scope";
    static final String CLIENT_ID = "client_id";

    private final String audience;

    public HubTokenClaims(String audience) {
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        context.getClaims().claims(claims -> {
            claims.put("aud", List.of(audience));
            claims.put(CLIENT_ID, client.getClientId());
            if (context.getAuthorizedScopes().isEmpty()) {
                claims.remove(SCOPE);
            } else {
                claims.put(SCOPE, String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
            }
            HubClients.agencyOf(client).ifPresentOrElse(
                    agency -> claims.put(HubScopes.AGENCY_CLAIM, agency),
                    () -> claims.remove(HubScopes.AGENCY_CLAIM));
        });
    }
}
