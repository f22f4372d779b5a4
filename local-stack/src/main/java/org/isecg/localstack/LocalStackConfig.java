package org.isecg.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a {@link LocalStack}. Start from {@link #defaults(Path)} and change what differs:
 *
 * <pre>{@code
 * LocalStackConfig config = LocalStackConfig.defaults(repoRoot)
 *         .withDataDir(tempDir)
 *         .withBasePort(0)   // every port free and random, next to a developer's running stack
 *         .withExtraEnvironment(HubService.NOTIFICATION_SERVICE, Map.of("ISECG_NOTIFY_DRY_RUN", "true"));
 * }</pre>
 *
 * @param repoRoot         the repository root; the service jars are {@code <repoRoot>/<module>/target/<module>.jar}
 * @param dataDir          Kafka's log, the MongoDB file and the service logs live below it
 * @param basePort         0 for random free ports; otherwise the gateway's port, see {@link StackPorts#forBasePort}
 * @param jvmOptions       JVM options for every service process
 * @param extraEnvironment variables added per service on top of the ones the stack sets
 * @param startupTimeout   how long every service together may take to become healthy
 * @param launcher         what each service runs; {@link Launcher#FAT_JARS} except in tests
 * @param seed             load the reference data (the agency register) through the gateway once every
 *                         service is healthy, as the seeding tool does for any deployment (docs/seeding.md)
 */
public record LocalStackConfig(
        Path repoRoot,
        Path dataDir,
        int basePort,
        List<String> jvmOptions,
        Map<HubService, Map<String, String>> extraEnvironment,
        Duration startupTimeout,
        Launcher launcher,
        boolean seed) {

    /** Seven JVMs starting together on two cores take far longer than one alone (about 5 s). */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(3);

    /** The directory below the repository root that holds a developer's stack's data. */
    public static final String DEFAULT_DATA_DIR_NAME = ".local-stack";

    public LocalStackConfig {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(launcher, "launcher");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        dataDir = dataDir.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
        Map<HubService, Map<String, String>> copy = new EnumMap<>(HubService.class);
        extraEnvironment.forEach((service, variables) -> copy.put(service, Map.copyOf(variables)));
        extraEnvironment = Map.copyOf(copy);
    }

    /**
     * The developer's stack: data in {@code <repoRoot>/.local-stack}, the default ports (gateway
     * 8080, services 8081-8084, token issuer 8085, Kafka 9092, controller 9093, MongoDB 27017), the
     * small-footprint JVM options, the fat jars, seeded once healthy.
     */
    public static LocalStackConfig defaults(Path repoRoot) {
        return new LocalStackConfig(repoRoot, repoRoot.resolve(DEFAULT_DATA_DIR_NAME), StackPorts.DEFAULT_BASE_PORT,
                JvmOptions.SMALL_FOOTPRINT, Map.of(), DEFAULT_STARTUP_TIMEOUT, Launcher.FAT_JARS, true);
    }

    public LocalStackConfig withRepoRoot(Path root) {
        return new LocalStackConfig(root, dataDir, basePort, jvmOptions, extraEnvironment, startupTimeout, launcher, seed);
    }

    public LocalStackConfig withDataDir(Path dir) {
        return new LocalStackConfig(repoRoot, dir, basePort, jvmOptions, extraEnvironment, startupTimeout, launcher, seed);
    }

    /** 0 = every port free and random; otherwise every default port shifted by {@code port - 8080}. */
    public LocalStackConfig withBasePort(int port) {
        return new LocalStackConfig(repoRoot, dataDir, port, jvmOptions, extraEnvironment, startupTimeout, launcher, seed);
    }

    public LocalStackConfig withJvmOptions(List<String> options) {
        return new LocalStackConfig(repoRoot, dataDir, basePort, options, extraEnvironment, startupTimeout, launcher, seed);
    }

    /** Adds (or replaces) variables for one service. */
    public LocalStackConfig withExtraEnvironment(HubService service, Map<String, String> variables) {
        Map<HubService, Map<String, String>> merged = new EnumMap<>(HubService.class);
        merged.putAll(extraEnvironment);
        Map<String, String> forService = new HashMap<>(merged.getOrDefault(service, Map.of()));
        forService.putAll(variables);
        merged.put(service, forService);
        return new LocalStackConfig(repoRoot, dataDir, basePort, jvmOptions, merged, startupTimeout, launcher, seed);
    }

    public LocalStackConfig withStartupTimeout(Duration timeout) {
        return new LocalStackConfig(repoRoot, dataDir, basePort, jvmOptions, extraEnvironment, timeout, launcher, seed);
    }

    public LocalStackConfig withLauncher(Launcher serviceLauncher) {
        return new LocalStackConfig(repoRoot, dataDir, basePort, jvmOptions, extraEnvironment, startupTimeout,
                serviceLauncher, seed);
    }

    /** Whether to seed the reference data once the services are healthy ({@code --no-seed} turns it off). */
    public LocalStackConfig withSeeding(boolean seeding) {
        return new LocalStackConfig(repoRoot, dataDir, basePort, jvmOptions, extraEnvironment, startupTimeout, launcher,
                seeding);
    }

    /** The broker's directory. */
    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** The H2 file that holds every service's MongoDB database. */
    public Path mongoFile() {
        return dataDir.resolve("mongo").resolve("hub.mv");
    }

    /** The token issuer's signing key ({@code signing-key.pem}), generated on the first start. */
    public Path identityKeyDir() {
        return dataDir.resolve("identity").resolve("keys");
    }

    /** Clients added to the token issuer after the seed (docs/security.md); optional. */
    public Path identityClientsFile() {
        return dataDir.resolve("identity").resolve("clients.yml");
    }

    /** The services' log files ({@code <service>.log}), and the launcher's own. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The services whose fat jar does not exist (only services launched from a jar count). */
    public List<HubService> servicesWithoutJar() {
        List<HubService> missing = new ArrayList<>();
        for (HubService service : HubService.values()) {
            if (launcher.launch(service, repoRoot) instanceof ServiceLaunch.ExecutableJar jar
                    && !Files.isRegularFile(jar.jar())) {
                missing.add(service);
            }
        }
        return missing;
    }

    /** Extra variables for one service (empty if none). */
    public Map<String, String> extraEnvironment(HubService service) {
        return extraEnvironment.getOrDefault(service, Map.of());
    }

    /** Decides what a service process runs. */
    @FunctionalInterface
    public interface Launcher {

        /** Every service from its Spring Boot fat jar, {@code <repoRoot>/<module>/target/<module>.jar}. */
        Launcher FAT_JARS = (service, repoRoot) -> new ServiceLaunch.ExecutableJar(service.jar(repoRoot));

        ServiceLaunch launch(HubService service, Path repoRoot);
    }
}
