package org.isecg.seeding;

import java.util.List;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A field whose value in the register is not the dataset's.
 *
 * @param dataset  the dataset's value, as JSON text ({@code null} for none)
 * @param register the register's value, as JSON text
 */
public record FieldDifference(String field, String dataset, String register) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Adds the difference of one field to {@code differences} if the values differ; a missing field is
     * {@code null}, and whole numbers compare by value.
     */
    public static void compare(List<FieldDifference> differences, String field, JsonNode dataset, JsonNode register) {
        JsonNode stored = register.isMissingNode() ? JSON.getNodeFactory().nullNode() : register;
        boolean equal = dataset.isNumber() && stored.isNumber() ? dataset.asLong() == stored.asLong() && stored.isIntegralNumber()
                : dataset.equals(stored);
        if (!equal) {
            differences.add(new FieldDifference(field, dataset.toString(), stored.toString()));
        }
    }

    /** An array of strings in sorted order, for comparing sets that JSON carries as arrays. */
    public static JsonNode sortedStrings(JsonNode array) {
        TreeSet<String> sorted = new TreeSet<>();
        array.forEach(value -> sorted.add(value.asString()));
        ArrayNode node = JSON.createArrayNode();
        sorted.forEach(node::add);
        return node;
    }

    @Override
    public String toString() {
        return field + " is " + register + " in the register, " + dataset + " in the dataset";
    }
}
