package org.isecg.identity.key;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * Loads the signing key from {@code <directory>/signing-key.pem} (PKCS#8, {@code -----BEGIN PRIVATE KEY-----},
 * as {@code openssl genpkey -algorithm RSA} writes it), or generates one there on the first start.
 *
 * <p>The key id is the key's RFC 7638 thumbprint: the same key always has the same {@code kid} and a
 * new key another, with nothing else to store. A file that is there but unusable stops the start;
 * silently replacing it would invalidate every token issued so far and hide a broken secret mount.
 */
public final class SigningKeys {

    /** The key file's name inside the key directory. */
    public static final String FILE_NAME = "signing-key.pem";

    /** NIST SP 800-57's floor for RSA; keys below it are refused. */
    static final int MIN_KEY_BITS = 2048;

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private SigningKeys() {
    }

    /**
     * The key in {@code directory}, generated there first if it is missing and {@code generateIfMissing}.
     *
     * @throws SigningKeyException if the file is unreadable or not an RSA private key of at least
     *                             2048 bits, or is missing and may not be generated
     */
    public static RSAKey loadOrGenerate(Path directory, boolean generateIfMissing) {
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(file);
        }
        if (!generateIfMissing) {
            throw new SigningKeyException(file, "it does not exist, and generating a key is switched off "
                    + "(isecg.identity.keys.generate-if-missing=false)",
                    "Mount the signing key there, e.g. one made with: openssl genpkey -algorithm RSA "
                            + "-pkeyopt rsa_keygen_bits:3072 -out " + FILE_NAME);
        }
        return generate(file);
    }

    /** The key in {@code file}. */
    public static RSAKey load(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SigningKeyException(file, "it cannot be read (" + e + ")", "Make it readable by this process.");
        }
        RSAPrivateKey privateKey;
        try {
            privateKey = RsaKeyConverters.pkcs8().convert(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (RuntimeException e) {
            throw corrupt(file, "it is not a PEM-encoded PKCS#8 RSA private key (" + e.getMessage() + ")");
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crtKey)) {
            throw corrupt(file, "the key has no public exponent, so its public key cannot be published");
        }
        if (crtKey.getModulus().bitLength() < MIN_KEY_BITS) {
            throw corrupt(file, "the key has " + crtKey.getModulus().bitLength() + " bits, fewer than "
                    + MIN_KEY_BITS);
        }
        warnIfReadableByOthers(file);
        RSAKey key = withThumbprintId(publicKeyOf(file, crtKey), crtKey);
        log.info("Signing tokens with the key in {} (kid {})", file, key.getKeyID());
        return key;
    }

    private static RSAKey generate(Path file) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(MIN_KEY_BITS);
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            write(file, pem(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot generate an RSA key", e);
        } catch (FileAlreadyExistsException e) {
            log.info("Another process generated {} at the same time; using its key", file);
        } catch (IOException e) {
            throw new SigningKeyException(file, "a new key cannot be written there (" + e + ")",
                    "Make the directory writable by this process, or set isecg.identity.keys.directory.");
        }
        log.info("Generated a new signing key in {}", file);
        return load(file);
    }

    /** Written whole under another name first, so that a crash never leaves half a key behind. */
    private static void write(Path file, String pem) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        FileAttribute<?>[] ownerOnly = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE)}
                : new FileAttribute<?>[0];
        Path partial = Files.createTempFile(directory, FILE_NAME, ".partial", ownerOnly);
        try {
            Files.writeString(partial, pem, StandardCharsets.US_ASCII);
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static String pem(RSAPrivateCrtKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    private static RSAPublicKey publicKeyOf(Path file, RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw corrupt(file, "its public key cannot be derived (" + e.getMessage() + ")");
        }
    }

    private static RSAKey withThumbprintId(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        RSAKey withoutId = new RSAKey.Builder(publicKey).build();
        try {
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyID(withoutId.computeThumbprint().toString())
                    .build();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("The signing key {} is readable by others ({}); chmod 600 it, or mount the secret with "
                        + "mode 0400", file, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions on this file system: nothing to check
        }
    }

    private static SigningKeyException corrupt(Path file, String reason) {
        return new SigningKeyException(file, reason, "Restore the file from its backup or secret. To start over "
                + "with a new key, delete it (tokens signed with the old key then no longer verify).");
    }
}
