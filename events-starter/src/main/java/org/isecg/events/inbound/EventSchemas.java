package org.isecg.events.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.MalformedEventException;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schemas of every event type of the contracts, loaded once, against which each
 * inbound event's data is checked before it is read into its record: the record alone accepts a
 * missing field as {@code null}, the schema does not.
 */
final class EventSchemas {

    // Draft 2020-12 treats format as an annotation only; asserting it makes "date" and "email" bite,
    // as the producers' contract tests do (test-support's EventSchemas)
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = EventTypes.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, type -> load(type.schema()), (a, b) -> a));

    private EventSchemas() {
    }

    /**
     * @throws SchemaViolationException when the data breaks the schema of its type
     * @throws MalformedEventException  when it is not JSON at all
     */
    /**
     * Loads every schema now: a schema or a validator missing from the service's jar then stops its
     * start, instead of stopping its consumers at their first event.
     */
    static int preload() {
        return SCHEMAS.size();
    }

    static void check(EventType<?> type, byte[] data) {
        JsonNode tree;
        try {
            tree = JSON.readTree(data);
        } catch (JacksonException e) {
            throw new MalformedEventException(type.name(), e);
        }
        List<String> violations = SCHEMAS.get(type.name()).validate(tree).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
        if (!violations.isEmpty()) {
            throw new SchemaViolationException(type.name(), violations);
        }
    }

    private static Schema load(String location) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("no schema on the classpath at " + location);
            }
            return REGISTRY.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
