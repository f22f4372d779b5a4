package org.isecg.contracts;

/**
 * One published event type: its CloudEvents type name, the topic it travels on, the record its
 * data deserialises to and the classpath location of its JSON Schema.
 */
public record EventType<E extends DomainEvent>(String name, String topic, Class<E> dataType, String schema) {
}
