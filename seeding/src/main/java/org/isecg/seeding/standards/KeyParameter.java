package org.isecg.seeding.standards;

import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One key parameter of a revision, as the catalogue holds it.
 *
 * @param value the value as text: a number ({@code 800}), a range ({@code 2483.5-2500}), a word
 *              ({@code true}, {@code UTC}) or a phrase ({@code UMIC to 120 V DC})
 * @param unit  the unit of the value ({@code mm}, {@code V DC}); {@code null} for a value that has none
 */
public record KeyParameter(String name, String value, String unit) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public KeyParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** {@code {"name": ..., "value": ...}}, with {@code "unit"} only where there is one, as the API takes it. */
    public ObjectNode json() {
        ObjectNode node = JSON.createObjectNode().put("name", name).put("value", value);
        if (unit != null) {
            node.put("unit", unit);
        }
        return node;
    }
}
