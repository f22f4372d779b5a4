package org.isecg.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartGeneratesAKeyThatOnlyItsOwnerCanRead() throws Exception {
        Path keys = dir.resolve("identity").resolve("keys");

        RSAKey key = SigningKeys.loadOrGenerate(keys, true);

        Path file = keys.resolve(SigningKeys.FILE_NAME);
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(key.toRSAPublicKey().getModulus().bitLength()).isGreaterThanOrEqualTo(2048);
        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(Files.list(keys)).containsExactly(file);
    }

    @Test
    void aLaterStartLoadsTheSameKeyWithTheSameKeyId() {
        RSAKey generated = SigningKeys.loadOrGenerate(dir, true);

        RSAKey loaded = SigningKeys.loadOrGenerate(dir, true);

        assertThat(loaded.getKeyID()).isEqualTo(generated.getKeyID());
        assertThat(loaded.getModulus()).isEqualTo(generated.getModulus());
        assertThat(loaded.getPrivateExponent()).isEqualTo(generated.getPrivateExponent());
    }

    @Test
    void anotherDirectoryGetsAnotherKeyAndAnotherKeyId() {
        RSAKey one = SigningKeys.loadOrGenerate(dir.resolve("one"), true);

        RSAKey other = SigningKeys.loadOrGenerate(dir.resolve("other"), true);

        assertThat(other.getKeyID()).isNotEqualTo(one.getKeyID());
        assertThat(other.getModulus()).isNotEqualTo(one.getModulus());
    }

    @Test
    void theKeyIdIsTheKeysThumbprint() throws Exception {
        RSAKey key = SigningKeys.loadOrGenerate(dir, true);

        assertThat(key.getKeyID()).isEqualTo(key.toPublicJWK().computeThumbprint().toString());
    }

    @Test
    void aCorruptKeyFileStopsTheStartAndIsLeftAlone() throws Exception {
        SigningKeys.loadOrGenerate(dir, true);
        Path file = dir.resolve(SigningKeys.FILE_NAME);
        String pem = Files.readString(file);
        String truncated = pem.substring(0, pem.length() / 2) + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, truncated);

        assertThatThrownBy(() -> SigningKeys.loadOrGenerate(dir, true))
                .isInstanceOfSatisfying(SigningKeyException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.action()).contains("Restore the file", "delete it");
                })
                .hasMessageStartingWith("Cannot use the signing key " + file + ": it is not a PEM-encoded PKCS#8 RSA "
                        + "private key");
        assertThat(Files.readString(file)).isEqualTo(truncated);
    }

    @Test
    void aFileThatIsNoKeyAtAllStopsTheStart() throws Exception {
        Files.writeString(dir.resolve(SigningKeys.FILE_NAME), "not a key\n");

        assertThatThrownBy(() -> SigningKeys.loadOrGenerate(dir, true))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("not a PEM-encoded PKCS#8 RSA private key");
    }

    @Test
    void aKeyShorterThan2048BitsIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        writePkcs8(generator.generateKeyPair().getPrivate().getEncoded());

        assertThatThrownBy(() -> SigningKeys.loadOrGenerate(dir, true))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("the key has 1024 bits, fewer than 2048");
    }

    @Test
    void aMissingKeyIsAnErrorWhereGeneratingIsSwitchedOff() {
        assertThatThrownBy(() -> SigningKeys.loadOrGenerate(dir, false))
                .isInstanceOfSatisfying(SigningKeyException.class,
                        e -> assertThat(e.action()).contains("openssl genpkey -algorithm RSA"))
                .hasMessageContaining("it does not exist, and generating a key is switched off");
        assertThat(dir.resolve(SigningKeys.FILE_NAME)).doesNotExist();
    }

    @Test
    void aKeyMadeWithOpensslAsProductionWouldMountItLoads() throws Exception {
        assumeTrue(onPath("openssl"), "openssl is not installed");
        Path file = dir.resolve(SigningKeys.FILE_NAME);
        Process openssl = new ProcessBuilder("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:3072", "-out", file.toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isZero();

        RSAKey key = SigningKeys.loadOrGenerate(dir, false);

        assertThat(key.toRSAPublicKey().getModulus().bitLength()).isEqualTo(3072);
    }

    private void writePkcs8(byte[] der) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(dir.resolve(SigningKeys.FILE_NAME),
                "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry, command))) {
                return true;
            }
        }
        return false;
    }
}
