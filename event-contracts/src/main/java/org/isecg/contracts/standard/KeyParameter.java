package org.isecg.contracts.standard;

/**
 * A parameter an implementer of a revision checks first, e.g. {@code passage_diameter} = {@code 800}
 * {@code mm}. The value is text: many parameters are ranges, lists or words ({@code 2483.5-2500},
 * {@code S/Ka band}).
 *
 * @param name  its name, unique within the revision, e.g. {@code bus_voltage}
 * @param value its value without the unit
 * @param unit  the unit of the value, e.g. {@code V DC}; null when the value has none
 */
public record KeyParameter(String name, String value, String unit) {

    /** The parameter as v1 events carry it: the value followed by its unit. */
    public String asText() {
        return unit == null ? value : value + " " + unit;
    }
}
