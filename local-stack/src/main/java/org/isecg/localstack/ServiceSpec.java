package org.isecg.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to run one service as a child JVM.
 *
 * @param name             the service's name, e.g. {@code agency-service}
 * @param port             the HTTP port of its API
 * @param launch           the jar or main class to run
 * @param jvmOptions       options before the jar or class, e.g. {@link JvmOptions#SMALL_FOOTPRINT}
 * @param environment      variables added to the inherited environment
 * @param logFile          where stdout and stderr are appended
 * @param stopGracePeriod  how long {@link ServiceProcess#stop()} waits after SIGTERM before SIGKILL
 * @param managementPort   the HTTP port it serves {@code /actuator/health} on; its API port if it has no
 *                         management port of its own
 */
public record ServiceSpec(
        String name,
        int port,
        ServiceLaunch launch,
        List<String> jvmOptions,
        Map<String, String> environment,
        Path logFile,
        Duration stopGracePeriod,
        int managementPort) {

    /** Long enough for a Spring Boot service to drain requests and close its Kafka clients. */
    public static final Duration DEFAULT_STOP_GRACE_PERIOD = Duration.ofSeconds(20);

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(launch, "launch");
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(stopGracePeriod, "stopGracePeriod");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535 but was " + port);
        }
        if (managementPort <= 0 || managementPort > 65535) {
            throw new IllegalArgumentException("managementPort must be 1..65535 but was " + managementPort);
        }
        jvmOptions = List.copyOf(jvmOptions);
        environment = Map.copyOf(environment);
    }

    /** A service whose actuator shares its API's port. */
    public ServiceSpec(String name, int port, ServiceLaunch launch, List<String> jvmOptions, Map<String, String> environment,
            Path logFile, Duration stopGracePeriod) {
        this(name, port, launch, jvmOptions, environment, logFile, stopGracePeriod, port);
    }

    /** A spec with the small-footprint JVM options and the default grace period. */
    public static ServiceSpec of(String name, int port, ServiceLaunch launch, Map<String, String> environment,
            Path logFile) {
        return new ServiceSpec(name, port, launch, JvmOptions.SMALL_FOOTPRINT, environment, logFile,
                DEFAULT_STOP_GRACE_PERIOD);
    }

    public ServiceSpec withJvmOptions(List<String> options) {
        return new ServiceSpec(name, port, launch, options, environment, logFile, stopGracePeriod, managementPort);
    }

    public ServiceSpec withStopGracePeriod(Duration gracePeriod) {
        return new ServiceSpec(name, port, launch, jvmOptions, environment, logFile, gracePeriod, managementPort);
    }
}
