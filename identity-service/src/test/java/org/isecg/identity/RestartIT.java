package org.isecg.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.isecg.identity.client.InvalidClientsException;
import org.isecg.identity.key.SigningKeyException;
import org.isecg.identity.key.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

/** Starts of the whole application one after the other: what survives a restart, and what stops a start. */
class RestartIT {

    @TempDir
    Path dir;

    @Test
    void aTokenFromBeforeARestartVerifiesAfterItAndAFreshKeyDirectoryMeansAnotherKey() throws Exception {
        // given a token from a first start
        Path keys = dir.resolve("keys");
        String token;
        try (ConfigurableApplicationContext first = start(keys)) {
            token = new TokenRequests(url(first)).clientCredentials("NASA", "dev-NASA-secret", null).accessToken();
        }
        SignedJWT jwt = SignedJWT.parse(token);

        // when the issuer starts again on the same key directory, then on a fresh one
        JWKSet afterRestart;
        try (ConfigurableApplicationContext second = start(keys)) {
            afterRestart = jwks(second);
        }
        JWKSet fresh;
        try (ConfigurableApplicationContext third = start(dir.resolve("fresh-keys"))) {
            fresh = jwks(third);
        }

        // then
        RSAKey sameKey = afterRestart.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(afterRestart.getKeys()).hasSize(1);
        assertThat(jwt.verify(new RSASSAVerifier(sameKey))).isTrue();
        RSAKey freshKey = fresh.getKeys().get(0).toRSAKey();
        assertThat(freshKey.getKeyID()).isNotEqualTo(jwt.getHeader().getKeyID());
        assertThat(fresh.getKeyByKeyId(jwt.getHeader().getKeyID())).isNull();
        assertThat(jwt.verify(new RSASSAVerifier(freshKey))).isFalse();
    }

    @Test
    void aCorruptKeyFileStopsTheStartWithItsNameAndIsNotReplaced() throws Exception {
        Path keys = dir.resolve("keys");
        Files.createDirectories(keys);
        Path file = keys.resolve(SigningKeys.FILE_NAME);
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> start(keys).close())
                .rootCause()
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("Cannot use the signing key " + file)
                .hasMessageContaining("not a PEM-encoded PKCS#8 RSA private key");
        assertThat(Files.readString(file)).contains("bm90IGEga2V5");
        assertThat(Files.list(keys)).containsExactly(file);
    }

    @Test
    void theProductionProfileRefusesToStartWithDevelopmentSecrets() {
        SigningKeys.loadOrGenerate(dir.resolve("keys"), true);

        assertThatThrownBy(() -> start(dir.resolve("keys"), "--spring.profiles.active=test,production").close())
                .rootCause()
                .isInstanceOfSatisfying(InvalidClientsException.class, e -> assertThat(e.problems())
                        .hasSize(33)
                        .anySatisfy(p -> assertThat(p).startsWith("isecg.identity.clients.NASA.secret: still a "
                                + "development secret"))
                        .anySatisfy(p -> assertThat(p).startsWith("isecg.identity.clients.operator.secret")));
    }

    @Test
    void theProductionProfileRefusesToGenerateAKey() {
        Path keys = dir.resolve("no-keys");

        assertThatThrownBy(() -> start(keys, "--spring.profiles.active=test,production",
                "--isecg.identity.development-secrets-allowed=true").close())
                .rootCause()
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("generating a key is switched off");
        assertThat(keys).doesNotExist();
    }

    @Test
    void anAgencyCodeOutsideTheRegistersFormatStopsTheStart() {
        assertThatThrownBy(() -> start(dir.resolve("keys"), "--isecg.identity.clients.NASA.agency=nasa").close())
                .hasStackTraceContaining("isecg.identity.clients[NASA].agency")
                .hasStackTraceContaining("must match");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    private static ConfigurableApplicationContext start(Path keys, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--isecg.identity.keys.directory=" + keys,
                "--spring.profiles.active=test",
                // these starts are about keys and clients; the register's statuses are InactiveAgencyIT's
                "--isecg.identity.agency-register.enabled=false"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(IdentityServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static JWKSet jwks(ConfigurableApplicationContext context) throws Exception {
        return JWKSet.load(URI.create(url(context) + "/oauth2/jwks").toURL());
    }
}
