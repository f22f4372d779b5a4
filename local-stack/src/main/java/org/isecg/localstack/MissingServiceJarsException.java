package org.isecg.localstack;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything starts when some service's fat jar has not been built yet. */
public final class MissingServiceJarsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<HubService> services;

    public MissingServiceJarsException(List<HubService> services) {
        super(message(services));
        this.services = List.copyOf(services);
    }

    /** The services without a jar. */
    public List<HubService> services() {
        return services;
    }

    /** The Maven command that builds exactly the missing jars (and what they depend on). */
    public static String buildCommand(List<HubService> services) {
        return "./mvnw package -DskipTests -am -pl "
                + services.stream().map(HubService::serviceName).collect(Collectors.joining(","));
    }

    private static String message(List<HubService> services) {
        return "Service jar(s) missing for " + services.stream().map(HubService::serviceName)
                .collect(Collectors.joining(", ")) + "; build them first: " + buildCommand(services);
    }
}
