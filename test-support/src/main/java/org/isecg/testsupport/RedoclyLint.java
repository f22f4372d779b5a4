package org.isecg.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code redocly lint} with its {@code recommended} rules on an OpenAPI document, as the API's
 * consumers' tools would read it. The CLI is a Node program outside the build: where it is missing, or
 * another version than the build pins (the parent pom's {@code redocly.version}), the test is skipped with
 * the command that installs the pinned one, never passed silently. {@code .ci/run} installs it.
 */
public final class RedoclyLint {

    /** The pinned version, from the parent pom. */
    public static final String VERSION = pinnedVersion();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ERRORS = Pattern.compile("(\\d+) errors?\\b");
    private static final Pattern VERSION_LINE = Pattern.compile("(?m)^\\s*(\\d+\\.\\d+\\.\\d+\\S*)\\s*$");
    private static final Pattern WARNINGS = Pattern.compile("(\\d+) warnings?\\b");

    private RedoclyLint() {
    }

    /** What one lint found: its exit code, the error and warning counts it printed, and all it printed. */
    public record Result(int exitCode, int errors, int warnings, String output) {

        public boolean passed() {
            return exitCode == 0 && errors == 0;
        }
    }

    /**
     * Writes the document to {@code target/openapi/<name>.json} and lints it there, keeping the report
     * beside it ({@code <name>.lint.txt}). Skips the calling test where the pinned CLI is not on the PATH.
     */
    public static Result lint(String name, String document) {
        assumePinnedCliInstalled();
        Path dir = Path.of("target", "openapi").toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".json");
            // pretty, so that the report's line numbers lead somewhere
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(document)));
            Result result = run(dir, "lint", "--extends", "recommended", "--format", "stylish",
                    "--max-problems", "1000", file.toString());
            Files.writeString(dir.resolve(name + ".lint.txt"), result.output());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lints the document ({@link #lint}) and fails with the CLI's report if it found any error; warnings
     * are reported in the test's output and in {@code target/openapi/<name>.lint.txt}.
     */
    public static Result assertNoErrors(String name, String document) {
        Result result = lint(name, document);
        if (!result.passed()) {
            Assertions.fail("redocly lint (recommended) found " + result.errors() + " errors in " + name
                    + " (exit code " + result.exitCode() + "):\n" + result.output());
        }
        System.out.println("redocly lint " + name + ": 0 errors, " + result.warnings() + " warnings");
        return result;
    }

    /** {@link #assertNoErrors} of the OpenAPI document the service behind the client serves at {@code /v3/api-docs}. */
    public static Result assertServedDocumentHasNoErrors(String name, WebTestClient service) {
        String document = service.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return assertNoErrors(name, document);
    }

    /** Skips the calling test, saying how to install the CLI, unless the pinned version answers. */
    public static void assumePinnedCliInstalled() {
        String found;
        try {
            Result version = run(Path.of(".").toAbsolutePath(), "--version");
            found = version.exitCode() == 0 ? versionIn(version.output()) : null;
        } catch (IOException e) {
            found = null;
        }
        String install = "npm install -g @redocly/cli@" + VERSION;
        Assumptions.assumeTrue(found != null, () -> "redocly is not on the PATH; install it with: " + install);
        String installed = found;
        Assumptions.assumeTrue(VERSION.equals(installed),
                () -> "redocly " + installed + " is on the PATH, the build pins " + VERSION + "; install it with: " + install);
    }

    private static Result run(Path directory, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("redocly");
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("redocly", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        // no usage data sent and no update check: the lint asks nothing of the network
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("redocly did not finish within " + TIMEOUT + ":\n" + Files.readString(output));
            }
            String printed = Files.readString(output);
            return new Result(process.exitValue(), count(ERRORS, printed), count(WARNINGS, printed), printed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while redocly ran", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The last count the CLI printed (its summary line comes last). */
    private static int count(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        int count = 0;
        while (matcher.find()) {
            count = Integer.parseInt(matcher.group(1));
        }
        return count;
    }

    /** The version the CLI printed; Node's deprecation notices may surround it. */
    private static String versionIn(String output) {
        Matcher matcher = VERSION_LINE.matcher(output);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String pinnedVersion() {
        try (InputStream in = RedoclyLint.class.getResourceAsStream("/redocly.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("redocly.properties is missing from test-support", e);
        }
    }
}
