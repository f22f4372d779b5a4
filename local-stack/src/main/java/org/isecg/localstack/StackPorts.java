package org.isecg.localstack;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ports of one stack: one per service, the management (actuator) port of each service that has
 * one ({@link HubService#managementPortOffset()}), Kafka's client and controller ports and the MongoDB
 * wire-protocol port.
 */
public record StackPorts(Map<HubService, Integer> services, int kafka, int kafkaController, int mongo,
        Map<HubService, Integer> management) {

    /** The gateway's port when nothing is configured; the other services follow it. */
    public static final int DEFAULT_BASE_PORT = 8080;
    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    static final int DEFAULT_MONGO_PORT = 27017;

    public StackPorts {
        services = Map.copyOf(services);
        management = Map.copyOf(management);
        if (services.size() != HubService.values().length) {
            throw new IllegalArgumentException("Need a port for every service but got " + services.keySet());
        }
    }

    /**
     * The ports for a base port: {@code 0} picks every port free and at random (for tests next to
     * a running stack); any other value shifts every default port (8080.., 9092, 9093, 27017) by
     * {@code basePort - 8080}, so 18080 gives 18080.., 19092, 19093 and 37017.
     */
    public static StackPorts forBasePort(int basePort) {
        if (basePort == 0) {
            return random();
        }
        int shift = basePort - DEFAULT_BASE_PORT;
        int highest = DEFAULT_MONGO_PORT + shift;
        if (basePort < 1024 || highest > 65535) {
            throw new IllegalArgumentException("Base port must be 0 or 1024.." + (65535 - DEFAULT_MONGO_PORT
                    + DEFAULT_BASE_PORT) + " (MongoDB gets base + " + (DEFAULT_MONGO_PORT - DEFAULT_BASE_PORT)
                    + ") but was " + basePort);
        }
        Map<HubService, Integer> services = new EnumMap<>(HubService.class);
        Map<HubService, Integer> management = new EnumMap<>(HubService.class);
        for (HubService service : HubService.values()) {
            services.put(service, basePort + service.portOffset());
            service.managementPortOffset().ifPresent(offset -> management.put(service, basePort + offset));
        }
        return new StackPorts(services, DEFAULT_KAFKA_PORT + shift, DEFAULT_KAFKA_CONTROLLER_PORT + shift,
                DEFAULT_MONGO_PORT + shift, management);
    }

    private static StackPorts random() {
        HubService[] all = HubService.values();
        List<Integer> free = FreePorts.pick(2 * all.length + 3);
        Map<HubService, Integer> services = new EnumMap<>(HubService.class);
        Map<HubService, Integer> management = new EnumMap<>(HubService.class);
        for (int i = 0; i < all.length; i++) {
            services.put(all[i], free.get(i));
            if (all[i].managementPortOffset().isPresent()) {
                management.put(all[i], free.get(all.length + 3 + i));
            }
        }
        return new StackPorts(services, free.get(all.length), free.get(all.length + 1), free.get(all.length + 2), management);
    }

    public int of(HubService service) {
        return services.get(service);
    }

    /** The service's actuator port, or its one port if it has no management port of its own. */
    public int managementOf(HubService service) {
        return management.getOrDefault(service, of(service));
    }

    /** Every port of the stack. */
    public List<Integer> all() {
        List<Integer> all = new ArrayList<>();
        for (HubService service : HubService.values()) {
            all.add(services.get(service));
        }
        for (HubService service : HubService.values()) {
            if (management.containsKey(service)) {
                all.add(management.get(service));
            }
        }
        all.addAll(List.of(kafka, kafkaController, mongo));
        return all;
    }
}
