package org.isecg.events.inbound;

import java.util.List;

import org.isecg.contracts.MalformedEventException;

/**
 * An event whose data breaks the JSON Schema of its type. Permanent, like any malformed event: it
 * goes to the dead-letter topic at once, with the violations as its reason.
 */
public class SchemaViolationException extends MalformedEventException {

    private final transient List<String> violations;

    public SchemaViolationException(String type, List<String> violations) {
        super(type, new IllegalArgumentException("violates its schema: " + String.join("; ", violations)));
        this.violations = List.copyOf(violations);
    }

    /** Each violation as {@code <instance location>: <message>}. */
    public List<String> violations() {
        return violations;
    }
}
