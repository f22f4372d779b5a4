package org.isecg.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The repository's {@code ./hub} script against a running issuer, as a newcomer runs it. */
class HubScriptIT extends RunningIssuer {

    /** The module's directory is Maven's working directory; the script is at the repository root. */
    private static final Path SCRIPT = Path.of("..", "hub").toAbsolutePath().normalize();

    @BeforeAll
    static void curlIsInstalled() {
        assumeTrue(onPath("curl"), "curl is not installed: the script needs it");
        assumeTrue(onPath("sh"), "no POSIX shell");
    }

    @Test
    void tokenPrintsAnAccessTokenOfTheNamedAgencyAndNothingElse() throws Exception {
        Run run = hub(Map.of(), "token", "JAXA");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout().lines()).hasSize(1);
        SignedJWT jwt = SignedJWT.parse(run.stdout().strip());
        JWKSet keys = JWKSet.load(URI.create(ISSUER + "/oauth2/jwks").toURL());
        assertThat(jwt.verify(new RSASSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey())))
                .isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getStringClaim("agency")).isEqualTo("JAXA");
        assertThat(claims.getClaim("scope")).isEqualTo("hub.read hub.write");
    }

    @Test
    void namedScopesNarrowTheToken() throws Exception {
        Run run = hub(Map.of(), "token", "secretariat", "hub.read", "hub.import");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(SignedJWT.parse(run.stdout().strip()).getJWTClaimsSet().getClaim("scope"))
                .isEqualTo("hub.import hub.read");
    }

    @Test
    void aSecretFromTheEnvironmentIsUsedInsteadOfTheDevelopmentSecret() throws Exception {
        Run run = hub(Map.of("HUB_CLIENT_SECRET", "not-the-secret"), "token", "JAXA");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("refused a token for 'JAXA'", "invalid_client");
    }

    @Test
    void aRefusedScopeSaysWhy() throws Exception {
        Run run = hub(Map.of(), "token", "JAXA", "hub.operator");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("invalid_scope");
    }

    @Test
    void withoutArgumentsItPrintsItsUsage() throws Exception {
        Run bare = hub(Map.of());
        Run help = hub(Map.of(), "help");

        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.stderr()).startsWith("usage: ./hub token CLIENT [SCOPE...]");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("usage: ./hub token CLIENT [SCOPE...]").contains("docs/security.md");
    }

    @Test
    void anIssuerThatIsNotRunningIsNamed() throws Exception {
        Run run = hub(Map.of("HUB_ISSUER", "http://127.0.0.1:1"), "token", "NASA");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("no answer from http://127.0.0.1:1", "./start-local.sh");
    }

    private static Run hub(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HUB_ISSUER", ISSUER);
        builder.environment().remove("HUB_CLIENT_SECRET");
        builder.environment().putAll(environment);
        Path stdout = Files.createTempFile("hub", ".out");
        Path stderr = Files.createTempFile("hub", ".err");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("./hub " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, command)));
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
