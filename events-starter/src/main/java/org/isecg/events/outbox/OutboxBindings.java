package org.isecg.events.outbox;

import java.util.Map;
import java.util.TreeMap;

import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;

/**
 * The relay's output bindings, one per topic an event is published on, derived from the contracts
 * so that a new topic needs no configuration. They are named, not the bare topic, because
 * StreamBridge would send to a bean that has the topic's name.
 */
public final class OutboxBindings {

    private OutboxBindings() {
    }

    /** The output binding of a topic. */
    public static String of(String topic) {
        return "outbox-" + topic;
    }

    /** {@code spring.cloud.stream.bindings.<binding>.destination = <topic>} for every published topic. */
    public static Map<String, Object> properties() {
        Map<String, Object> properties = new TreeMap<>();
        for (EventType<?> type : EventTypes.ALL) {
            properties.put("spring.cloud.stream.bindings." + of(type.topic()) + ".destination", type.topic());
        }
        return properties;
    }
}
