package org.isecg.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.contracts.overlap.OverlapUpdated;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue in {@link EventTypes}, the JSON Schemas, asyncapi.yaml and the Java records and enums
 * describe the same contract, so none of them can drift from the others unnoticed.
 */
class ContractConsistencyTest {

    /** The vocabularies; a schema enum is named after the Java enum it mirrors. */
    private static final Map<String, Class<? extends Enum<?>>> VOCABULARIES = Map.of(
            "destination", Destination.class,
            "capability", Capability.class,
            "planStatus", PlanStatus.class,
            "agencyKind", AgencyKind.class,
            "membership", Membership.class,
            "agencyStatus", AgencyStatus.class,
            "interfaceDomain", InterfaceDomain.class,
            "revisionStatus", RevisionStatus.class,
            "overlapKind", OverlapKind.class,
            "severity", Severity.class);

    /** The fields a producer may leave out (they are null in the record); every other field is always written. */
    private static final Map<Class<? extends Record>, Set<String>> OPTIONAL_FIELDS = Map.ofEntries(
            Map.entry(AgencyRegistered.class, Set.of("memberSince", "contactEmail", "website")),
            Map.entry(AgencyUpdated.class, Set.of("memberSince", "contactEmail", "website")),
            Map.entry(AgencyDeactivated.class, Set.of("memberSince", "contactEmail", "website", "reason")),
            Map.entry(AgencyReactivated.class, Set.of("memberSince", "contactEmail", "website", "reason")),
            Map.entry(PlanCreated.class, Set.of("region")),
            Map.entry(PlanUpdated.class, Set.of("region")),
            Map.entry(PlanWithdrawn.class, Set.of("reason")),
            Map.entry(OverlapOpened.class, Set.of("region", "domain")),
            Map.entry(OverlapUpdated.class, Set.of("region", "domain")),
            Map.entry(Revision.class, Set.of("published")),
            Map.entry(StandardState.class, Set.of("description")),
            Map.entry(StandardRevision.class, Set.of("published")),
            Map.entry(KeyParameter.class, Set.of("unit")),
            Map.entry(RevisionBaselined.class, Set.of("superseded")));

    private final AsyncApiDocument asyncApi = AsyncApiDocument.load();

    static Stream<Named<EventType<?>>> eventTypes() {
        return EventTypes.ALL.stream().map(type -> Named.of(type.name(), type));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeHasASchemaAndAnAsyncApiMessage(EventType<?> type) {
        // given
        String schemaFile = Path.of(type.schema()).getFileName().toString();

        // when
        JsonNode schema = ContractResources.schemaTree(type);
        JsonNode channel = asyncApi.channelWithAddress(type.topic()).orElseThrow(
                () -> new AssertionError("no channel with address " + type.topic()));
        List<JsonNode> messages = asyncApi.messagesOf(channel).stream()
                .filter(message -> asyncApi.ceTypeOf(message).filter(type.name()::equals).isPresent())
                .toList();

        // then
        assertThat(schema.path("$id").stringValue())
                .isEqualTo("urn:isecg-hub:schema:" + schemaFile.substring(0, schemaFile.length() - ".schema.json".length()));
        assertThat(messages).as("messages of type %s on channel %s", type.name(), type.topic()).hasSize(1);
        JsonNode message = messages.get(0);
        assertThat(message.path("name").stringValue()).isEqualTo(type.name());
        assertThat(message.path("payload").path("$ref").stringValue()).isEqualTo("./" + type.schema());
        assertThat(channel.path("bindings").path("kafka").path("topic").stringValue()).isEqualTo(type.topic());
    }

    @Test
    void everySchemaFileBelongsToAnEventType() throws IOException, URISyntaxException {
        // given
        Path schemas = Path.of(ContractResources.class.getClassLoader().getResource("schemas").toURI());

        // when
        List<String> files;
        try (Stream<Path> listing = Files.list(schemas)) {
            files = listing.map(file -> "schemas/" + file.getFileName()).toList();
        }

        // then
        assertThat(files).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::schema).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everySchemaIsAValidDraft202012Schema(EventType<?> type) {
        // given
        JsonNode schema = ContractResources.schemaTree(type);

        // when
        var errors = ContractResources.validateAgainstMetaSchema(schema);

        // then
        assertThat(errors).isEmpty();
        assertThat(schema.path("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everySchemaIsSelfContainedDocumentedAndOpenToAddedFields(EventType<?> type) {
        // given
        JsonNode schema = ContractResources.schemaTree(type);

        // when
        List<String> refs = new ArrayList<>();
        collect(schema, JsonPointer.empty(), (pointer, node) -> node.has("$ref"), (pointer, node) -> refs.add(node.get("$ref").stringValue()));

        // then
        assertThat(schema.path("title").isString()).isTrue();
        assertThat(schema.path("description").isString()).isTrue();
        assertThat(schema.path("type").stringValue()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean() && schema.path("additionalProperties").booleanValue())
                .as("additionalProperties: true").isTrue();
        schema.path("properties").properties().forEach(property ->
                assertThat(property.getValue().path("description").isString()).as("description of %s", property.getKey()).isTrue());
        assertThat(refs).allSatisfy(ref -> {
            assertThat(ref).startsWith("#/$defs/");
            assertThat(schema.at(ref.substring(1)).isMissingNode()).as("dangling %s", ref).isFalse();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everySchemaDescribesExactlyTheFieldsOfItsRecord(EventType<?> type) {
        // given
        JsonNode schema = ContractResources.schemaTree(type);

        // then
        assertDescribes(schema, schema, type.dataType());
    }

    @Test
    void everyEnumInTheSchemasListsExactlyTheConstantsOfItsJavaEnum() {
        // given
        Set<String> vocabulariesSeen = new HashSet<>();

        for (EventType<?> type : EventTypes.ALL) {
            // when
            List<JsonPointer> enums = new ArrayList<>();
            JsonNode schema = ContractResources.schemaTree(type);
            collect(schema, JsonPointer.empty(), (pointer, node) -> node.has("enum"), (pointer, node) -> enums.add(pointer));

            // then
            for (JsonPointer pointer : enums) {
                String where = type.schema() + "#" + pointer;
                assertThat(pointer.toString()).as(where).matches("/\\$defs/[a-zA-Z]+");
                String name = pointer.last().getMatchingProperty();
                assertThat(VOCABULARIES).as("a Java enum for %s", where).containsKey(name);
                List<String> listed = schema.at(pointer).get("enum").values().stream().map(JsonNode::stringValue).toList();
                assertThat(listed).as(where).containsExactlyElementsOf(constantsOf(VOCABULARIES.get(name)));
                vocabulariesSeen.add(name);
            }
        }
        assertThat(vocabulariesSeen).containsExactlyInAnyOrderElementsOf(VOCABULARIES.keySet());
    }

    @Test
    void everyPatternInTheSchemasIsOneOfTheFieldPatternsTheServicesValidateWith() throws IllegalAccessException {
        // given
        Set<String> constants = new HashSet<>();
        for (var field : FieldPatterns.class.getFields()) {
            constants.add((String) field.get(null));
        }
        Set<String> patternsSeen = new HashSet<>();

        for (EventType<?> type : EventTypes.ALL) {
            // when
            JsonNode schema = ContractResources.schemaTree(type);
            collect(schema, JsonPointer.empty(), (pointer, node) -> node.has("pattern"), (pointer, node) -> {
                // then
                String pattern = node.get("pattern").stringValue();
                assertThat(constants).as(type.schema() + "#" + pointer).contains(pattern);
                patternsSeen.add(pattern);
            });
        }
        assertThat(patternsSeen).as("every field pattern is used by some schema").isEqualTo(constants);
    }

    /** Property names in record order, required = all but the optional ones, and each field's type as the schema says it. */
    private static void assertDescribes(JsonNode root, JsonNode objectSchema, Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        List<String> fields = Arrays.stream(components).map(RecordComponent::getName).toList();
        Set<String> optional = OPTIONAL_FIELDS.getOrDefault(recordType, Set.of());
        String where = recordType.getSimpleName();

        assertThat(objectSchema.path("properties").propertyNames()).as("properties of %s", where).containsExactlyElementsOf(fields);
        assertThat(objectSchema.path("required").values().stream().map(JsonNode::stringValue).toList())
                .as("required of %s", where)
                .containsExactlyElementsOf(fields.stream().filter(field -> !optional.contains(field)).toList());

        for (RecordComponent component : components) {
            JsonNode property = objectSchema.path("properties").path(component.getName());
            String field = where + "." + component.getName();
            Class<?> raw = component.getType();
            if (raw.isEnum()) {
                assertThat(property.path("$ref").stringValue()).as(field).isEqualTo(defRef(raw));
            } else if (raw.isRecord()) {
                assertThat(property.path("$ref").stringValue()).as(field).isEqualTo(defRef(raw));
                assertDescribes(root, root.at(defRef(raw).substring(1)), raw);
            } else if (raw == long.class && component.getName().equals("version")) {
                assertThat(property.path("$ref").stringValue()).as(field).isEqualTo("#/$defs/version");
            } else if (raw == LocalDate.class) {
                assertThat(property.path("format").stringValue()).as(field).isEqualTo("date");
            } else if (raw == Instant.class) {
                assertThat(property.path("format").stringValue()).as(field).isEqualTo("date-time");
            } else if (Set.class.isAssignableFrom(raw) || List.class.isAssignableFrom(raw)) {
                assertThat(property.path("type").stringValue()).as(field).isEqualTo("array");
                if (Set.class.isAssignableFrom(raw)) {
                    assertThat(property.path("uniqueItems").booleanValue(false)).as("%s is a set", field).isTrue();
                }
                Class<?> element = elementType(component.getGenericType());
                String itemsRef = property.path("items").path("$ref").stringValue();
                if (element.isEnum()) {
                    assertThat(itemsRef).as(field).isEqualTo(defRef(element));
                } else if (element.isRecord()) {
                    assertThat(itemsRef).as(field).isEqualTo(defRef(element));
                    assertDescribes(root, root.at(itemsRef.substring(1)), element);
                }
            }
        }
    }

    private static String defRef(Class<?> type) {
        String name = type.getSimpleName();
        return "#/$defs/" + Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Class<?> elementType(Type generic) {
        Type argument = ((ParameterizedType) generic).getActualTypeArguments()[0];
        return (Class<?>) argument;
    }

    private static List<String> constantsOf(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private interface NodeTest {
        boolean test(JsonPointer pointer, JsonNode node);
    }

    private interface NodeAction {
        void accept(JsonPointer pointer, JsonNode node);
    }

    /** Depth-first walk of a schema, acting on every node that passes the test. */
    private static void collect(JsonNode node, JsonPointer pointer, NodeTest test, NodeAction action) {
        if (node.isObject()) {
            if (test.test(pointer, node)) {
                action.accept(pointer, node);
            }
            node.properties().forEach(entry -> collect(entry.getValue(), pointer.appendProperty(entry.getKey()), test, action));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer.appendIndex(i), test, action);
            }
        }
    }
}
