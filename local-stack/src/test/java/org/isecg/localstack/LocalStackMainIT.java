package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one command, run as a developer runs it: {@code java -jar target/local-stack-exec.jar}. */
class LocalStackMainIT {

    private static final Path EXEC_JAR = TestServices.testClasses().getParent().resolve("local-stack-exec.jar");

    @TempDir
    Path repo;

    private Process launcher;

    @BeforeEach
    void aRepositoryCheckout() throws IOException {
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("local-stack"));
    }

    @Test
    void refusesWithExitCode2AndTheBuildCommandWhenServiceJarsAreMissing() throws Exception {
        Path dataDir = Files.createDirectories(repo.resolve(".local-stack/kafka"));

        Process process = launch(repo.resolve("local-stack"), "--reset");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        List<String> errors = Files.readAllLines(repo.resolve("stderr.txt"));
        assertThat(errors).singleElement().asString()
                .contains("./mvnw package")
                .contains("gateway,agency-service,roadmap-service,standards-service,notification-service");
        assertThat(dataDir).as("--reset only after the check").exists();
        assertThat(repo.resolve(".local-stack/logs")).doesNotExist();
    }

    @Test
    void refusesUnknownOptionsWithTheUsage() throws Exception {
        Process process = launch(repo, "--base-prot", "18080");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(repo.resolve("stderr.txt")))
                .contains("Unknown option: --base-prot")
                .contains("Usage:");
    }

    @Test
    void startsEverythingPrintsThePortTableAndCtrlCLeavesNoProcessBehind() throws Exception {
        List<ProcessHandle> children = launchWithStandInServices();

        String console = Files.readString(repo.resolve("stdout.txt"));
        assertThat(console)
                .contains("ISECG Coordination Hub is up: http://127.0.0.1:")
                .contains("SERVICE", "PORT", "PID", "LOG")
                .contains("resident memory of the whole stack")
                .contains("Access tokens: HUB_ISSUER=http://127.0.0.1:")
                .doesNotContain("BrokerServer");
        assertThat(children).hasSize(HubService.values().length);
        for (HubService service : HubService.values()) {
            assertThat(console).contains(service.serviceName());
            assertThat(repo.resolve(".local-stack/logs/" + service.serviceName() + ".log")).exists();
        }
        assertThat(Files.readString(repo.resolve(".local-stack/logs/kafka.log"))).contains("BrokerServer");

        int signal = interrupt(launcher);

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(launcher.exitValue()).isEqualTo(128 + signal);
        assertThat(children).allSatisfy(child -> assertThat(child.isAlive()).isFalse());
        assertThat(Files.readString(repo.resolve(".local-stack/logs/local-stack.log")))
                .contains("Stopping the local stack")
                .contains("Local stack stopped");
        assertThat(repo.resolve(".local-stack/kafka/log/meta.properties")).exists();
        assertThat(repo.resolve(".local-stack/mongo/hub.mv")).exists();
    }

    @Test
    void aKillNineOfTheLauncherLeavesNoServiceBehind() throws Exception {
        List<ProcessHandle> children = launchWithStandInServices();
        assertThat(children).hasSize(HubService.values().length);

        // no shutdown hook runs: only the agent in each child can notice
        launcher.destroyForcibly();

        assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(Files.readString(repo.resolve(".local-stack/logs/gateway.log")))
                .contains("parent-watch: launcher pid " + launcher.pid() + " is gone");
    }

    @AfterEach
    void noLauncherOutlivesTheTest() {
        Optional.ofNullable(launcher).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
    }

    /** Starts the launcher on stand-in service jars and random ports; returns its children once it is up. */
    private List<ProcessHandle> launchWithStandInServices() throws IOException {
        for (HubService service : HubService.values()) {
            fakeServiceJar(service.jar(repo));
        }
        // the stand-ins have no API to seed
        launcher = launch(repo, "--base-port", "0", "--no-seed");
        Path stdout = repo.resolve("stdout.txt");
        await().atMost(Duration.ofMinutes(2))
                .failFast("the launcher exited", () -> !launcher.isAlive())
                .until(() -> Files.readString(stdout).contains("Ctrl-C stops everything."));
        return launcher.toHandle().descendants().toList();
    }

    private Process launch(Path workingDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", EXEC_JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectOutput(repo.resolve("stdout.txt").toFile())
                .redirectError(repo.resolve("stderr.txt").toFile())
                .start();
    }

    /**
     * What Ctrl-C in a terminal sends, SIGINT; returns the signal's number. A process started in
     * the background of a non-interactive shell (as CI may start the build) inherits SIGINT as
     * ignored, and the JVM cannot undo that, so there the test sends SIGTERM, which runs the same
     * shutdown hook.
     */
    private static int interrupt(Process process) throws Exception {
        int signal = ignoresSigint(process.pid()) ? 15 : 2;
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
        return signal;
    }

    /** From the ignored-signals mask in /proc/<pid>/status; SIGINT is bit 1 (signal 2). */
    private static boolean ignoresSigint(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & (1L << 1)) != 0);
    }

    /** An executable jar whose main is the {@link HealthEndpointMain} stand-in. */
    private static void fakeServiceJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HealthEndpointMain.class.getName());
        String classFile = HealthEndpointMain.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.putNextEntry(new JarEntry(classFile));
            jarOut.write(Files.readAllBytes(TestServices.testClasses().resolve(classFile)));
            jarOut.closeEntry();
        }
    }
}
