package org.isecg.contracts;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

/** Navigation of asyncapi.yaml for tests: channels by address, local references resolved. */
final class AsyncApiDocument {

    private final JsonNode root;

    AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        return new AsyncApiDocument(ContractResources.asyncApi());
    }

    JsonNode root() {
        return root;
    }

    Optional<JsonNode> channelWithAddress(String address) {
        return root.path("channels").values().stream()
                .filter(channel -> address.equals(text(channel.path("address"))))
                .findFirst();
    }

    List<JsonNode> messagesOf(JsonNode channel) {
        return channel.path("messages").values().stream().map(this::resolve).toList();
    }

    /** The const value of the message's ce_type header, wherever its headers schema composes it. */
    Optional<String> ceTypeOf(JsonNode message) {
        JsonNode headers = resolve(message.path("headers"));
        return StreamSupport.stream(headers.path("allOf").spliterator(), false)
                .map(this::resolve)
                .map(part -> part.path("properties").path(CloudEventHeaders.TYPE).path("const"))
                .filter(JsonNode::isString)
                .map(JsonNode::stringValue)
                .findFirst()
                .or(() -> Optional.ofNullable(text(headers.path("properties").path(CloudEventHeaders.TYPE).path("const"))));
    }

    /** The node itself, or the node a local {@code $ref} in it points to. */
    JsonNode resolve(JsonNode node) {
        String ref = text(node.path("$ref"));
        if (ref == null || !ref.startsWith("#")) {
            return node;
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalStateException("dangling reference in asyncapi.yaml: " + ref);
        }
        return resolve(target);
    }

    /** The string value of a node, or null when it is missing or not a string. */
    static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
