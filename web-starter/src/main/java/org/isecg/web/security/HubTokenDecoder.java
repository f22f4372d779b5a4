package org.isecg.web.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The one way the Hub decodes a bearer token: an RS256 signature by a key of the issuer's JWK Set,
 * then the claims. Nimbus refuses {@code alg: none} and any other algorithm before a key is looked at,
 * so a token "signed" with HS256 and the public key as its secret never verifies.
 */
public final class HubTokenDecoder {

    private HubTokenDecoder() {
    }

    /** Keys from {@code jwkSetUri}, or from the issuer's metadata on the first token (not at start). */
    public static ReactiveJwtDecoder of(HubSecurityProperties properties) {
        NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder = properties.jwkSetUri() == null
                ? NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuer().toString())
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString());
        NimbusReactiveJwtDecoder decoder = builder.jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /**
     * {@code exp} present and not past (a token without it would be good forever), {@code nbf} not
     * ahead, both within the clock skew; {@code iss} exactly the issuer; {@code aud} containing the
     * Hub's audience.
     */
    static OAuth2TokenValidator<Jwt> validator(HubSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer().toString()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience()))));
    }
}
