package org.isecg.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published JSON Schema of every event type, loaded once: what consumers check each inbound
 * event against before reading it into its record (the record alone takes a missing field as
 * {@code null}, the schema does not), and what the producers' tests check what they wrote against.
 */
public final class EventSchemas {

    // Draft 2020-12 treats format as an annotation only; asserting it is what makes "date" and "email" bite.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = EventTypes.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::name, type -> load(type.schema()), (a, b) -> a));

    private EventSchemas() {
    }

    /**
     * How many schemas are loaded; calling it loads them all, so that a schema or the validator
     * missing from a service's jar stops its start rather than its consumers at their first event.
     */
    public static int preload() {
        return SCHEMAS.size();
    }

    /**
     * What in the data breaks the schema of its type, each as {@code <instance location>: <message>};
     * empty when it is valid.
     *
     * @throws MalformedEventException when the data is not JSON at all
     */
    public static List<String> violations(EventType<?> type, byte[] data) {
        try {
            return SCHEMAS.get(type.name()).validate(JSON.readTree(data)).stream()
                    .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
        } catch (JacksonException e) {
            throw new MalformedEventException(type.name(), e);
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
