package org.isecg.events.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

import org.springframework.core.env.Environment;

/**
 * The default identity of a relay instance as a lease owner: {@code <application>@<host>:<port>}.
 * Stable across restarts of the same instance (the same pod name, or the same host and port), so a
 * restart reclaims its leases at once; never shared by two running instances, because two processes
 * cannot listen on the same host and port. Without a {@code server.port} (or with port 0, a random
 * one) nothing stable tells two instances on one host apart, so a random suffix keeps them apart, and
 * such an instance, restarted, waits for its old leases to expire.
 */
final class InstanceIdentity {

    private InstanceIdentity() {
    }

    static String of(OutboxProperties properties, Environment environment) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            return properties.instanceId();
        }
        String application = environment.getProperty("spring.application.name", "application");
        String id = application + "@" + host(environment);
        Integer port = environment.getProperty("server.port", Integer.class);
        if (port != null && port > 0) {
            return id + ":" + port;
        }
        return id + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host(Environment environment) {
        // a Kubernetes pod's name, a container's id
        String hostname = environment.getProperty("HOSTNAME");
        if (hostname != null && !hostname.isBlank()) {
            return hostname;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
