package org.isecg.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The published contract files as tests see them: the JSON Schemas and the AsyncAPI document, from the classpath. */
final class ContractResources {

    static final String ASYNCAPI = "asyncapi.yaml";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    // Draft 2020-12 treats format as an annotation only; asserting it is what makes "date" and "date-time" bite.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractResources() {
    }

    static boolean exists(String location) {
        return ContractResources.class.getClassLoader().getResource(location) != null;
    }

    static JsonNode schemaTree(EventType<?> type) {
        return schemaTreeAt(type.schema());
    }

    static JsonNode asyncApi() {
        return asyncApiAt(ASYNCAPI);
    }

    /** An AsyncAPI document (YAML) on the classpath, such as the one in the contract baseline. */
    static JsonNode asyncApiAt(String location) {
        try (InputStream in = open(location)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in a classpath directory, sorted; the test classpath is directories, not jars. */
    static List<String> fileNamesIn(String directory) {
        URL url = ContractResources.class.getClassLoader().getResource(directory);
        if (url == null) {
            throw new IllegalStateException("not on the classpath: " + directory);
        }
        try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
            return listing.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(byte[] data) {
        return JSON.readTree(data);
    }

    static byte[] bytes(JsonNode tree) {
        return JSON.writeValueAsBytes(tree);
    }

    /** The validation errors of event data against the schema of its type; empty when it is valid. */
    static List<Error> validate(EventType<?> type, JsonNode data) {
        return SCHEMAS.computeIfAbsent(type.schema(), location -> REGISTRY.getSchema(schemaTreeAt(location)))
                .validate(data);
    }

    /** The validation errors of a schema document against the draft 2020-12 meta-schema, which the validator bundles. */
    static List<Error> validateAgainstMetaSchema(JsonNode schema) {
        return REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId())).validate(schema);
    }

    /** A JSON Schema document on the classpath, such as one in the contract baseline. */
    static JsonNode schemaTreeAt(String location) {
        try (InputStream in = open(location)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String location) {
        InputStream in = ContractResources.class.getClassLoader().getResourceAsStream(location);
        if (in == null) {
            throw new IllegalStateException("not on the classpath: " + location);
        }
        return in;
    }
}
