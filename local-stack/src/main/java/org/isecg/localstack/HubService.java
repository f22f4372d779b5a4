package org.isecg.localstack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The services of the hub as the local stack runs them: the contract with the service modules.
 * Each is a Spring Boot fat jar at {@code <repo>/<module>/target/<module>.jar}. The token issuer,
 * {@code identity-service}, is one of them on the embedded default; in production the services point at
 * the agencies' own identity provider instead.
 */
public enum HubService {

    GATEWAY("gateway", 0, null),
    AGENCY_SERVICE("agency-service", 1, "agency"),
    ROADMAP_SERVICE("roadmap-service", 2, "roadmap"),
    STANDARDS_SERVICE("standards-service", 3, "standards"),
    NOTIFICATION_SERVICE("notification-service", 4, "notification"),
    IDENTITY_SERVICE("identity-service", 5, null);

    private final String serviceName;
    private final int portOffset;
    private final String database;

    HubService(String serviceName, int portOffset, String database) {
        this.serviceName = serviceName;
        this.portOffset = portOffset;
        this.database = database;
    }

    /** The name, which is also the Maven module, e.g. {@code agency-service}. */
    public String serviceName() {
        return serviceName;
    }

    /** Offset from the base port: the gateway has the base port (8080), the others follow. */
    public int portOffset() {
        return portOffset;
    }

    /** The service's own MongoDB database; empty for the gateway and the token issuer, which keep none. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** {@code <repoRoot>/<module>/target/<module>.jar} */
    public Path jar(Path repoRoot) {
        return repoRoot.resolve(serviceName).resolve("target").resolve(serviceName + ".jar");
    }

    /** Whether the gateway routes requests to this service: not to itself, nor to the token issuer. */
    public boolean behindGateway() {
        return this != GATEWAY && this != IDENTITY_SERVICE;
    }

    /**
     * The variable through which the gateway learns this service's URL, e.g.
     * {@code AGENCY_SERVICE_URL}.
     */
    public String urlVariable() {
        return serviceName.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** Finds a service by its name, e.g. {@code roadmap-service}. */
    public static HubService named(String name) {
        for (HubService service : values()) {
            if (service.serviceName.equals(name)) {
                return service;
            }
        }
        throw new IllegalArgumentException("No service named '" + name + "'; known: "
                + Arrays.stream(values()).map(HubService::serviceName).toList());
    }
}
