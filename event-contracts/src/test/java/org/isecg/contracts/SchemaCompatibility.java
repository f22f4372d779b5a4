package org.isecg.contracts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The breaking differences between a published JSON Schema (draft 2020-12) and its current text, for
 * consumers and producers of the same event version alike.
 *
 * <p>Both schemas are walked side by side, keyword by keyword; {@code $ref}s are compared as written
 * and {@code $defs} by name, so every subschema is looked at once. Only changed annotations, a new
 * optional property and a new {@code $def} are compatible. Any other difference is breaking: a
 * changed assertion breaks either the consumers who rely on it (loosened) or the producers whose
 * events it now rejects (tightened), and a keyword this checker does not know how to judge is
 * breaking whenever it differs at all, which its reason says.
 */
final class SchemaCompatibility {

    /** Keywords that document a schema without constraining data; changing them never breaks anyone. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "examples", "$comment", "deprecated");

    /** Keywords compared by value: identity and the assertions on a single value. */
    private static final Set<String> ASSERTIONS = Set.of(
            "$schema", "$id", "type", "const", "format", "pattern",
            "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
            "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties");

    /** One breaking difference: where in the schema (a JSON Pointer) and what changed. */
    record BreakingChange(String path, String reason) {
        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    private final List<BreakingChange> changes = new ArrayList<>();

    private SchemaCompatibility() {
    }

    /** Every breaking difference from the published schema to the current one, in document order; empty when compatible. */
    static List<BreakingChange> breakingChanges(JsonNode published, JsonNode current) {
        SchemaCompatibility checker = new SchemaCompatibility();
        checker.compareSchemas(JsonPointer.empty(), published, current);
        return List.copyOf(checker.changes);
    }

    private void compareSchemas(JsonPointer at, JsonNode published, JsonNode current) {
        if (!published.isObject() || !current.isObject()) {
            // boolean schemas (true / false) or malformed ones: nothing to walk into
            if (!published.equals(current)) {
                report(at, "schema changed from " + published + " to " + current);
            }
            return;
        }
        Set<String> keywords = new LinkedHashSet<>(published.propertyNames());
        keywords.addAll(current.propertyNames());
        for (String keyword : keywords) {
            JsonNode before = published.path(keyword);
            JsonNode after = current.path(keyword);
            JsonPointer where = at.appendProperty(keyword);
            switch (keyword) {
                case "properties" -> compareProperties(at, published, current);
                case "required" -> compareRequired(at, published, current);
                case "$defs" -> compareDefs(where, before, after);
                case "enum" -> compareEnum(where, before, after);
                case "$ref" -> compareRef(where, before, after);
                case "additionalProperties" -> compareAdditionalProperties(where, before, after);
                case "items", "propertyNames" -> compareSubschema(where, keyword, before, after);
                default -> {
                    if (!ANNOTATIONS.contains(keyword)) {
                        compareValue(where, keyword, before, after);
                    }
                }
            }
        }
    }

    private void compareProperties(JsonPointer at, JsonNode published, JsonNode current) {
        JsonNode before = published.path("properties");
        JsonNode after = current.path("properties");
        for (String name : before.propertyNames()) {
            JsonPointer where = at.appendProperty("properties").appendProperty(name);
            if (!after.has(name)) {
                report(where, "property removed: consumers may read it");
            } else {
                compareSchemas(where, before.get(name), after.get(name));
            }
        }
        boolean closed = !isTrueOrAbsent(published.path("additionalProperties"));
        for (String name : after.propertyNames()) {
            if (!before.has(name) && closed) {
                report(at.appendProperty("properties").appendProperty(name),
                        "property added where additionalProperties was not true: consumers of the published schema reject it");
            }
            // otherwise a new property is compatible; if it is also required, compareRequired says so
        }
    }

    private void compareRequired(JsonPointer at, JsonNode published, JsonNode current) {
        Set<String> before = strings(published.path("required"));
        Set<String> after = strings(current.path("required"));
        for (String name : after) {
            if (!before.contains(name)) {
                report(at.appendProperty("properties").appendProperty(name),
                        "newly required: events written without it by producers of this version no longer validate");
            }
        }
        for (String name : before) {
            if (!after.contains(name)) {
                report(at.appendProperty("properties").appendProperty(name),
                        "no longer required: consumers rely on it being present");
            }
        }
    }

    private void compareDefs(JsonPointer at, JsonNode before, JsonNode after) {
        for (String name : before.propertyNames()) {
            JsonPointer where = at.appendProperty(name);
            if (!after.has(name)) {
                report(where, "$def removed");
            } else {
                compareSchemas(where, before.get(name), after.get(name));
            }
        }
        // a new $def constrains nothing until something refers to it, and that $ref is compared itself
    }

    private void compareEnum(JsonPointer at, JsonNode before, JsonNode after) {
        if (before.isMissingNode() || after.isMissingNode()) {
            report(at, before.isMissingNode() ? "enum added: " + after : "enum removed (was " + before + ")");
            return;
        }
        List<JsonNode> was = before.values().stream().toList();
        List<JsonNode> now = after.values().stream().toList();
        for (JsonNode value : was) {
            if (!now.contains(value)) {
                report(at, "value " + value + " removed: events carrying it no longer validate");
            }
        }
        for (JsonNode value : now) {
            if (!was.contains(value)) {
                report(at, "value " + value + " added: consumers reject enum values they do not know");
            }
        }
        if (new LinkedHashSet<>(was).equals(new LinkedHashSet<>(now)) && !was.equals(now)) {
            report(at, "values reordered: the order may carry meaning (severities are listed lowest first), so it counts as breaking");
        }
    }

    private void compareRef(JsonPointer at, JsonNode before, JsonNode after) {
        if (before.isMissingNode()) {
            report(at, "inline schema replaced by a reference to " + after);
        } else if (after.isMissingNode()) {
            report(at, "reference to " + before + " replaced by an inline schema");
        } else if (!before.equals(after)) {
            report(at, "reference changed from " + before + " to " + after
                    + " ($defs are compared by name, so even a renamed, identical $def counts as breaking)");
        }
    }

    private void compareAdditionalProperties(JsonPointer at, JsonNode before, JsonNode after) {
        boolean wasOpen = isTrueOrAbsent(before);
        boolean isOpen = isTrueOrAbsent(after);
        if (wasOpen && isOpen) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            compareSchemas(at, before, after);
        } else if (wasOpen) {
            report(at, "tightened from true to " + after + ": events with fields a newer producer added no longer validate");
        } else if (isOpen) {
            report(at, "loosened from " + before + " to true: consumers of the published schema reject the fields it now allows");
        } else if (!before.equals(after)) {
            report(at, "changed from " + describe(before) + " to " + describe(after));
        }
    }

    private void compareSubschema(JsonPointer at, String keyword, JsonNode before, JsonNode after) {
        if (before.isMissingNode() || after.isMissingNode()) {
            report(at, before.isMissingNode() ? keyword + " added: " + after : keyword + " removed (was " + before + ")");
        } else {
            compareSchemas(at, before, after);
        }
    }

    private void compareValue(JsonPointer at, String keyword, JsonNode before, JsonNode after) {
        if (keyword.equals("type") && types(before).equals(types(after))) {
            return;
        }
        if (Objects.equals(before, after)) {
            return;
        }
        String change = before.isMissingNode() ? "added: " + after
                : after.isMissingNode() ? "removed (was " + before + ")"
                : "changed from " + before + " to " + after;
        if (ASSERTIONS.contains(keyword)) {
            report(at, change);
        } else {
            report(at, keyword + " " + change + "; this checker does not judge " + keyword
                    + ", so any change to it counts as breaking");
        }
    }

    private void report(JsonPointer at, String reason) {
        changes.add(new BreakingChange("#" + at, reason));
    }

    private static boolean isTrueOrAbsent(JsonNode additionalProperties) {
        return additionalProperties.isMissingNode()
                || additionalProperties.isBoolean() && additionalProperties.booleanValue();
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "absent" : node.toString();
    }

    /** The names in a {@code required} array. */
    private static Set<String> strings(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        array.values().forEach(value -> names.add(value.asString()));
        return names;
    }

    /** A {@code type} as a set, so that ["string", "null"] and ["null", "string"] are the same type. */
    private static Set<String> types(JsonNode type) {
        Set<String> names = new TreeSet<>();
        if (type.isArray()) {
            type.values().forEach(value -> names.add(value.asString()));
        } else if (type.isString()) {
            names.add(type.stringValue());
        }
        return names;
    }
}
