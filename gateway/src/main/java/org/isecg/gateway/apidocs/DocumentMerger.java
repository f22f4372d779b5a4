package org.isecg.gateway.apidocs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' OpenAPI documents into one: their paths, tags and components side by side under a
 * head (openapi, info, servers) of the gateway's own. Paths never clash (each service owns its own under
 * {@code /api/v1}); components of the same name and content, such as the problem detail every service
 * shares, are kept once; a component of the same name and another content is renamed
 * {@code <service>.<name>} in the document it comes from, its references with it.
 */
final class DocumentMerger {

    /** One service's document. */
    record ServiceDocument(String service, JsonNode document) {
    }

    /** The merged document, and what could not be merged. */
    record Merged(ObjectNode document, List<String> clashingPaths) {
    }

    private DocumentMerger() {
    }

    static Merged merge(ObjectNode head, List<ServiceDocument> documents) {
        ObjectNode merged = head.deepCopy();
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ArrayNode tags = merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        List<String> clashingPaths = new ArrayList<>();
        for (ServiceDocument service : documents) {
            JsonNode document = withoutClashes(service, components);
            if (!merged.has("openapi") && document.has("openapi")) {
                merged.set("openapi", document.get("openapi"));
            }
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                if (paths.has(path.getKey())) {
                    clashingPaths.add(service.service() + " " + path.getKey());
                } else {
                    paths.set(path.getKey(), path.getValue());
                }
            }
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asString())) {
                    tags.add(tag);
                }
            }
            for (Map.Entry<String, JsonNode> section : document.path("components").properties()) {
                ObjectNode into = components.withObjectProperty(section.getKey());
                for (Map.Entry<String, JsonNode> component : section.getValue().properties()) {
                    if (!into.has(component.getKey())) {
                        into.set(component.getKey(), component.getValue());
                    }
                }
            }
        }
        return new Merged(merged, clashingPaths);
    }

    /**
     * The service's document with every component that clashes with one already merged renamed. Renaming
     * one may make another clash (it referred to the renamed one, so its meaning differs now): repeated
     * until nothing more clashes.
     */
    private static JsonNode withoutClashes(ServiceDocument service, ObjectNode merged) {
        JsonNode document = service.document().deepCopy();
        Map<String, String> renamed = new HashMap<>();
        boolean renaming = true;
        while (renaming) {
            renaming = false;
            for (Map.Entry<String, JsonNode> section : document.path("components").properties()) {
                ObjectNode components = (ObjectNode) section.getValue();
                for (String name : List.copyOf(components.propertyNames())) {
                    JsonNode existing = merged.path(section.getKey()).get(name);
                    if (existing != null && !existing.equals(components.get(name))) {
                        String newName = service.service() + "." + name;
                        components.set(newName, components.remove(name));
                        renamed.put(ref(section.getKey(), name), ref(section.getKey(), newName));
                        renaming = true;
                    }
                }
            }
            if (renaming) {
                rewriteReferences(document, renamed);
            }
        }
        return document;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && renamed.containsKey(ref.asString())) {
                object.put("$ref", renamed.get(ref.asString()));
            }
            object.forEach(child -> rewriteReferences(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteReferences(child, renamed));
        }
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }
}
