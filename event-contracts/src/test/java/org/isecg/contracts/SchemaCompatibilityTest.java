package org.isecg.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.isecg.contracts.SchemaCompatibility.BreakingChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link SchemaCompatibility} finds each kind of breaking change and lets the compatible ones through.
 * Each test edits an in-memory copy of the plan-updated schema as the contract baseline holds it, so
 * that the tests do not move with the schemas under {@code src/main}.
 */
class SchemaCompatibilityTest {

    private static final String BASELINE_SCHEMAS = "contract-baseline/schemas";

    static Stream<String> publishedSchemas() {
        return ContractResources.fileNamesIn(BASELINE_SCHEMAS).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedSchemas")
    void anUnchangedSchemaHasNoBreakingChanges(String file) {
        // given
        JsonNode published = ContractResources.schemaTreeAt(BASELINE_SCHEMAS + "/" + file);
        JsonNode current = ContractResources.schemaTreeAt(BASELINE_SCHEMAS + "/" + file);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(published, current);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void removingAPropertyIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties").remove("region");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/region", "property removed");
    }

    @Test
    void removingAPropertyInsideADefIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/$defs/standardRef/properties").remove("revision");
        array(current, "/$defs/standardRef/required").removeIf(name -> name.stringValue().equals("revision"));

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertThat(changes).extracting(BreakingChange::path)
                .containsExactly("#/$defs/standardRef/properties/revision", "#/$defs/standardRef/properties/revision");
        assertThat(changes).extracting(BreakingChange::reason).anySatisfy(reason -> assertThat(reason).contains("property removed"))
                .anySatisfy(reason -> assertThat(reason).contains("no longer required"));
    }

    @Test
    void makingAnOptionalPropertyRequiredIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        array(current, "/required").add("region");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/region", "newly required");
    }

    @Test
    void addingARequiredPropertyIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties").putObject("crewSize").put("type", "integer").put("description", "Crew on board.");
        array(current, "/required").add("crewSize");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/crewSize", "newly required");
    }

    @Test
    void makingARequiredPropertyOptionalIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        array(current, "/required").removeIf(name -> name.stringValue().equals("title"));

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/title", "no longer required");
    }

    @Test
    void changingAPropertysTypeIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties/title").put("type", "integer");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/title/type", "changed from \"string\" to \"integer\"");
    }

    @Test
    void removingAnEnumValueIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        array(current, "/$defs/capability/enum").removeIf(value -> value.stringValue().equals("PLANETARY_DEFENSE"));

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/$defs/capability/enum", "value \"PLANETARY_DEFENSE\" removed");
    }

    @Test
    void addingAnEnumValueIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        array(current, "/$defs/destination/enum").add("VENUS");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/$defs/destination/enum", "value \"VENUS\" added: consumers reject enum values they do not know");
    }

    @Test
    void reorderingEnumValuesIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        ArrayNode statuses = array(current, "/$defs/planStatus/enum");
        JsonNode first = statuses.remove(0);
        statuses.add(first);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/$defs/planStatus/enum", "values reordered");
    }

    @Test
    void changingAPatternIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/$defs/agencyCode").put("pattern", "^[A-Z][A-Z0-9-]{1,31}$");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/$defs/agencyCode/pattern",
                "changed from \"^[A-Z][A-Z0-9-]{1,15}$\" to \"^[A-Z][A-Z0-9-]{1,31}$\"");
    }

    @Test
    void changingAFormatIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties/start").put("format", "date-time");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/start/format", "changed from \"date\" to \"date-time\"");
    }

    @Test
    void tighteningAMinimumIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/$defs/version").put("minimum", 2);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/$defs/version/minimum", "changed from 1 to 2");
    }

    @Test
    void addingAMaximumLengthIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties/title").put("maxLength", 80);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/title/maxLength", "added: 80");
    }

    @Test
    void forbiddingAdditionalPropertiesIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        current.put("additionalProperties", false);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/additionalProperties", "tightened from true to false");
    }

    @Test
    void addingAPropertyWhereAdditionalPropertiesWereForbiddenIsBreaking() {
        // given
        ObjectNode published = planUpdated();
        published.put("additionalProperties", false);
        ObjectNode current = planUpdated();
        current.put("additionalProperties", false);
        object(current, "/properties").putObject("crewSize").put("type", "integer").put("description", "Crew on board.");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(published, current);

        // then
        assertSingleChange(changes, "#/properties/crewSize", "additionalProperties was not true");
    }

    @Test
    void removingADefIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/$defs").remove("revisionLabel");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/$defs/revisionLabel", "$def removed");
    }

    @Test
    void pointingAReferenceAtAnotherDefIsBreaking() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties/dependsOn/items").put("$ref", "#/$defs/agencyCode");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/properties/dependsOn/items/$ref",
                "reference changed from \"#/$defs/planId\" to \"#/$defs/agencyCode\"");
    }

    @Test
    void aChangeToAKeywordTheCheckerDoesNotJudgeIsBreakingAndSaysSo() {
        // given
        ObjectNode current = planUpdated();
        current.putObject("dependentRequired").putArray("region").add("destination");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertSingleChange(changes, "#/dependentRequired", "this checker does not judge dependentRequired");
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/properties").putObject("crewSize")
                .put("type", "integer").put("minimum", 0).put("description", "Crew on board; absent for uncrewed plans.");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void addingADefIsCompatible() {
        // given
        ObjectNode current = planUpdated();
        object(current, "/$defs").putObject("crewSize").put("type", "integer").put("minimum", 0);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertThat(changes).isEmpty();
    }

    @Test
    void changingDescriptionsTitlesAndExamplesIsCompatible() {
        // given
        ObjectNode current = planUpdated();
        current.put("title", "Plan updated, version 1");
        current.put("description", "A plan changed.");
        object(current, "/properties/title").put("description", "The plan's name, e.g. Artemis III.");
        object(current, "/properties/title").putArray("examples").add("Artemis III").add("Gateway I-Hab");
        object(current, "/$defs/capability").put("description", "What a plan provides or does.");

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(planUpdated(), current);

        // then
        assertThat(changes).isEmpty();
    }

    /** A fresh copy of the published plan-updated schema, the richest one: nested objects, sets, enums, patterns, formats. */
    private static ObjectNode planUpdated() {
        return (ObjectNode) ContractResources.schemaTreeAt(BASELINE_SCHEMAS + "/plan-updated.v1.schema.json");
    }

    private static ObjectNode object(ObjectNode schema, String pointer) {
        return (ObjectNode) schema.at(pointer);
    }

    private static ArrayNode array(ObjectNode schema, String pointer) {
        return (ArrayNode) schema.at(pointer);
    }

    private static void assertSingleChange(List<BreakingChange> changes, String path, String reason) {
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.path()).isEqualTo(path);
            assertThat(change.reason()).contains(reason);
        });
    }
}
