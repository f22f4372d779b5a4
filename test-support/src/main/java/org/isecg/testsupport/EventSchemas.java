package org.isecg.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.isecg.contracts.EventType;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.json.JsonMapper;

/** The published JSON Schemas of the event contracts, from the classpath, to check what a producer wrote. */
public final class EventSchemas {

    // Draft 2020-12 treats format as an annotation only; asserting it is what makes "date" and "email" bite.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** What in the data breaks the schema of its type; empty when it is valid. */
    public static List<Error> violations(EventType<?> type, byte[] data) {
        Schema schema = SCHEMAS.computeIfAbsent(type.schema(), EventSchemas::load);
        return schema.validate(JSON.readTree(data));
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
