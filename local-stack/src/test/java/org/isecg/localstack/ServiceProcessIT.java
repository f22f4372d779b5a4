package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessIT {

    private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aServiceBecomesHealthySurvivesAKillByRestartingAndLeavesNoChildBehind() throws Exception {
        int port = FreePorts.orFree(0);
        Path logFile = dir.resolve("logs/echo.log");
        ServiceProcess service = new ServiceProcess(
                ServiceSpec.of("echo", port, TestServices.healthEndpoint(), Map.of("SERVER_PORT", String.valueOf(port)),
                        logFile));
        try (service) {
            service.start();
            service.awaitHealthy(HEALTHY_WITHIN);

            assertThat(service.isAlive()).isTrue();
            assertThat(service.residentMemoryKb()).isGreaterThan(1_000);
            assertThat(Files.readString(logFile))
                    .contains("health endpoint listening on " + port)
                    .contains("env ISECG_PARENT_PID=" + ProcessHandle.current().pid());

            long firstPid = service.pid();
            service.kill();

            assertThat(service.isAlive()).isFalse();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            assertThat(service.exitCode()).hasValue(128 + 9);
            assertThat(service.residentMemoryKb()).isZero();

            service.restart();
            service.awaitHealthy(HEALTHY_WITHIN);

            assertThat(service.pid()).isNotEqualTo(firstPid);
            assertThat(Files.readAllLines(logFile).stream().filter(line -> line.startsWith("health endpoint listening")))
                    .hasSize(2);
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(TestServices.liveChildren()).isZero();
    }

    @Test
    void restartWithAddsItsEnvironmentForThatRunOnlyAndRestartGoesBackToTheSpecs() throws Exception {
        int port = FreePorts.orFree(0);
        Path logFile = dir.resolve("armed.log");
        ServiceProcess service = new ServiceProcess(ServiceSpec.of("armed", port, TestServices.healthEndpoint(),
                Map.of("SERVER_PORT", String.valueOf(port), "ISECG_MODE", "normal"), logFile));
        try (service) {
            service.start();
            service.awaitHealthy(HEALTHY_WITHIN);

            service.restartWith(Map.of("ISECG_FAULTS_HALT_AT", "somewhere", "ISECG_MODE", "crash-test"));
            service.awaitHealthy(HEALTHY_WITHIN);

            assertThat(lastRun(logFile)).contains("env ISECG_FAULTS_HALT_AT=somewhere", "env ISECG_MODE=crash-test",
                    "env SERVER_PORT=" + port);
            assertThat(lastRun(logFile).get(0)).contains("with {ISECG_FAULTS_HALT_AT=somewhere, ISECG_MODE=crash-test}");

            service.restart();
            service.awaitHealthy(HEALTHY_WITHIN);

            assertThat(lastRun(logFile)).contains("env ISECG_MODE=normal", "env SERVER_PORT=" + port)
                    .noneMatch(line -> line.contains("ISECG_FAULTS_HALT_AT"));
            assertThat(service.spec().environment()).doesNotContainKey("ISECG_FAULTS_HALT_AT");
        }
    }

    /** The lines of the last start, from its {@code ----} header on. */
    private static List<String> lastRun(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("---- ")) {
                start = i;
            }
        }
        return lines.subList(start, lines.size());
    }

    @Test
    void stopSendsSigtermSoTheServiceShutsDownGracefully() throws Exception {
        int port = FreePorts.orFree(0);
        Path logFile = dir.resolve("graceful.log");
        ServiceProcess service = new ServiceProcess(ServiceSpec.of("graceful", port, TestServices.healthEndpoint(),
                Map.of("SERVER_PORT", String.valueOf(port)), logFile));
        service.start();
        service.awaitHealthy(HEALTHY_WITHIN);

        service.stop();

        assertThat(service.isAlive()).isFalse();
        assertThat(service.exitCode()).hasValue(128 + 15);
        assertThat(Files.readString(logFile)).contains("health endpoint stopping");
    }

    @Test
    void awaitHealthyFailsFastWithTheEndOfTheLogWhenTheProcessDies() {
        ServiceProcess service = new ServiceProcess(ServiceSpec.of("crashing", FreePorts.orFree(0),
                TestServices.crashing(), Map.of(), dir.resolve("crashing.log")));
        service.start();
        long started = System.nanoTime();

        assertThatThrownBy(() -> service.awaitHealthy(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("crashing exited with code 3")
                .hasMessageContaining("crashing on purpose");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aServiceThatReportsDownIsNotHealthy() {
        int port = FreePorts.orFree(0);
        ServiceProcess service = new ServiceProcess(ServiceSpec.of("down", port, TestServices.healthEndpoint(),
                Map.of("SERVER_PORT", String.valueOf(port), "HEALTH_STATUS", "DOWN"), dir.resolve("down.log")));
        try (service) {
            service.start();
            await().atMost(HEALTHY_WITHIN).until(() -> service.lastLogLines(5).stream()
                    .anyMatch(line -> line.startsWith("health endpoint listening")));

            assertThatThrownBy(() -> service.awaitHealthy(Duration.ofSeconds(2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("was not healthy");
            assertThat(service.isAlive()).isTrue();
        }
    }
}
