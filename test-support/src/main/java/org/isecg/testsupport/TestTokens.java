package org.isecg.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.springframework.http.HttpHeaders;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A token issuer for tests, one per JVM: an RSA key, its JWK Set at {@code <issuer>/oauth2/jwks} and
 * RFC 8414 metadata at {@code <issuer>/.well-known/oauth-authorization-server}, served on 127.0.0.1 by
 * the JDK's HTTP server; tokens shaped like the identity service's (docs/security.md, "Claims"), and
 * the bad ones a resource server must refuse.
 *
 * <pre>{@code
 * http.post().uri("/api/v1/agencies").headers(TestTokens.bearer(TestTokens.shared().secretariat())) ...
 * }</pre>
 *
 * <p>{@link InfrastructureInitializer} points every service context at it ({@link #properties()}).
 */
public final class TestTokens {

    /** The Hub's audience, as the identity service sets it. */
    public static final String AUDIENCE = "isecg-hub";
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Object LOCK = new Object();
    private static TestTokens shared;

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokens(RSAKey key, RSAKey otherKey, HttpServer server) {
        this.key = key;
        this.otherKey = otherKey;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The issuer of this JVM, started on first use; it stops with the JVM. */
    public static TestTokens shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = start();
            }
            return shared;
        }
    }

    /** {@code http://127.0.0.1:<port>}: every token's {@code iss}. */
    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** {@code isecg.security.*} for a service that takes this issuer's tokens. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("isecg.security.issuer", issuer);
        properties.put("isecg.security.jwk-set-uri", jwkSetUri());
        return properties;
    }

    /** {@code Authorization: Bearer <token>}, for {@code WebTestClient...headers(...)}. */
    public static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    /** An agency's client: {@code hub.read hub.write} and the {@code agency} claim. */
    public String agency(String code) {
        return mint(Token.forClient(code).agency(code).scopes("hub.read", "hub.write"));
    }

    /** A member's read-only token: {@code hub.read} and the {@code agency} claim. */
    public String reader(String code) {
        return mint(Token.forClient(code).agency(code).scopes("hub.read"));
    }

    public String secretariat() {
        return mint(Token.forClient("secretariat").scopes("hub.read", "hub.secretariat", "hub.import"));
    }

    public String standardsBoard() {
        return mint(Token.forClient("standards-board").scopes("hub.read", "hub.standards"));
    }

    public String operator() {
        return mint(Token.forClient("operator").scopes("hub.read", "hub.operator"));
    }

    /** A token signed by this issuer's key with RS256, as the token says. */
    public String mint(Token token) {
        return sign(token, key);
    }

    /**
     * The tokens a resource server must refuse with a 401, each with a name for the test's report:
     * expired, not yet valid, signed by another key, of another issuer, for another audience, without
     * expiry, {@code alg: none}, HS256 with the public key as the secret, not a JWT, a JWT cut short.
     */
    public List<BadToken> badTokens() {
        Token nasa = Token.forClient("NASA").agency("NASA").scopes("hub.read", "hub.write");
        Instant now = Instant.now();
        List<BadToken> bad = new ArrayList<>();
        bad.add(new BadToken("expired", mint(nasa.issuedAt(now.minus(Duration.ofMinutes(10))).expiresAt(now.minus(Duration.ofMinutes(2))))));
        bad.add(new BadToken("not yet valid", mint(nasa.issuedAt(now.plus(Duration.ofMinutes(2))).expiresAt(now.plus(Duration.ofMinutes(7))))));
        bad.add(new BadToken("forged (another key)", sign(nasa, otherKey)));
        bad.add(new BadToken("wrong issuer", mint(nasa.issuer("http://127.0.0.1:1"))));
        bad.add(new BadToken("wrong audience", mint(nasa.audience("another-system"))));
        bad.add(new BadToken("no expiry", mint(nasa.expiresAt(null))));
        bad.add(new BadToken("alg none", new PlainJWT(claims(nasa)).serialize()));
        bad.add(new BadToken("HS256 with the public key as secret", hs256WithPublicKey(nasa)));
        bad.add(new BadToken("malformed", "not-a-jwt"));
        String valid = mint(nasa);
        bad.add(new BadToken("truncated", valid.substring(0, valid.lastIndexOf('.') + 10)));
        return bad;
    }

    /** A token a resource server must refuse, and what is wrong with it. */
    public record BadToken(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * What a token says; every field has the identity service's value for the client unless changed.
     */
    public record Token(String clientId, String agency, Set<String> scopes, String issuer, String audience,
            Instant issuedAt, Instant expiresAt) {

        public static Token forClient(String clientId) {
            Instant now = Instant.now();
            return new Token(clientId, null, Set.of(), null, AUDIENCE, now, now.plus(LIFETIME));
        }

        public Token agency(String code) {
            return new Token(clientId, code, scopes, issuer, audience, issuedAt, expiresAt);
        }

        public Token scopes(String... names) {
            return new Token(clientId, agency, Set.of(names), issuer, audience, issuedAt, expiresAt);
        }

        /** Another {@code iss} than the test issuer's own (null: its own). */
        public Token issuer(String other) {
            return new Token(clientId, agency, scopes, other, audience, issuedAt, expiresAt);
        }

        public Token audience(String other) {
            return new Token(clientId, agency, scopes, issuer, other, issuedAt, expiresAt);
        }

        /** {@code iat} and {@code nbf}. */
        public Token issuedAt(Instant at) {
            return new Token(clientId, agency, scopes, issuer, audience, at, expiresAt);
        }

        /** {@code exp}; null for none. */
        public Token expiresAt(Instant at) {
            return new Token(clientId, agency, scopes, issuer, audience, issuedAt, at);
        }
    }

    private JWTClaimsSet claims(Token token) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(token.issuer() == null ? issuer : token.issuer())
                .subject(token.clientId())
                .audience(token.audience())
                .claim("client_id", token.clientId())
                .claim("scope", String.join(" ", new TreeSet<>(token.scopes())))
                .issueTime(Date.from(token.issuedAt()))
                .notBeforeTime(Date.from(token.issuedAt()))
                .jwtID(UUID.randomUUID().toString());
        if (token.expiresAt() != null) {
            claims.expirationTime(Date.from(token.expiresAt()));
        }
        if (token.agency() != null) {
            claims.claim("agency", token.agency());
        }
        return claims.build();
    }

    private String sign(Token token, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims(token));
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    /** The confusion attack: an HMAC keyed with the public key, which a careless verifier accepts. */
    private String hs256WithPublicKey(Token token) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims(token));
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a test token", e);
        }
    }

    private static TestTokens start() {
        RSAKey key = generate("test-key");
        RSAKey other = generate("test-key");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // a few threads: several contexts of one JVM may fetch the keys at once
            server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "test-token-issuer");
                thread.setDaemon(true);
                return thread;
            }));
            TestTokens tokens = new TestTokens(key, other, server);
            String jwks = new JWKSet(key.toPublicJWK()).toString();
            String metadata = "{\"issuer\":\"" + tokens.issuer + "\",\"jwks_uri\":\"" + tokens.jwkSetUri()
                    + "\",\"token_endpoint\":\"" + tokens.issuer + "/oauth2/token\","
                    + "\"grant_types_supported\":[\"client_credentials\"]}";
            server.createContext("/oauth2/jwks", exchange -> answer(exchange, jwks));
            server.createContext("/.well-known/oauth-authorization-server", exchange -> answer(exchange, metadata));
            server.start();
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test token issuer", e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Two keys with the same {@code kid}: a forged token names the real key and still fails its signature. */
    private static RSAKey generate(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(keyId).build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No RSA here", e);
        }
    }
}
