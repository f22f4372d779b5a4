package org.isecg.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.isecg.contracts.SchemaCompatibility.BreakingChange;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * The published contract is still the one in the baseline ({@code src/test/resources/contract-baseline}):
 * every schema and AsyncAPI message that was published is still there, and backward compatible. A breaking
 * change to a published event version fails here; it needs a new version beside the old one.
 */
class ContractCompatibilityTest {

    private static final String SCHEMAS = "schemas";
    private static final String BASELINE = "contract-baseline";
    private static final String BASELINE_SOURCE = "src/test/resources/" + BASELINE;
    private static final String NEW_VERSION_INSTEAD = "A breaking change to a published event needs a new event version, "
            + "published beside the old one (docs/architecture.md, \"Versioning events\").";

    private static final AsyncApiDocument PUBLISHED_ASYNCAPI =
            new AsyncApiDocument(ContractResources.asyncApiAt(BASELINE + "/" + ContractResources.ASYNCAPI));

    private final AsyncApiDocument currentAsyncApi = AsyncApiDocument.load();

    static Stream<String> publishedSchemas() {
        return ContractResources.fileNamesIn(BASELINE + "/" + SCHEMAS).stream();
    }

    static Stream<Named<Message>> publishedMessages() {
        return messagesOf(PUBLISHED_ASYNCAPI).stream().map(message -> Named.of(message.toString(), message));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedSchemas")
    void aPublishedSchemaStillExistsAndIsBackwardCompatible(String file) {
        // given
        JsonNode published = ContractResources.schemaTreeAt(BASELINE + "/" + SCHEMAS + "/" + file);
        assertThat(ContractResources.exists(SCHEMAS + "/" + file))
                .withFailMessage("%s/%s was published and is in the contract baseline, but is gone. %s",
                        SCHEMAS, file, NEW_VERSION_INSTEAD)
                .isTrue();
        JsonNode current = ContractResources.schemaTreeAt(SCHEMAS + "/" + file);

        // when
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(published, current);

        // then
        assertThat(changes)
                .withFailMessage("%s/%s breaks its published version in the contract baseline:%n%s%n%s",
                        SCHEMAS, file, changes.stream().map(change -> "  " + file + change).collect(Collectors.joining("\n")),
                        NEW_VERSION_INSTEAD)
                .isEmpty();
    }

    @Test
    void everySchemaIsInTheBaseline() {
        // given
        List<String> published = publishedSchemas().toList();

        // when
        List<String> missing = new ArrayList<>(ContractResources.fileNamesIn(SCHEMAS));
        missing.removeAll(published);

        // then
        assertThat(missing)
                .withFailMessage("not in the contract baseline: %s. Add a copy of each to %s/%s/ in the change that publishes it.",
                        missing, BASELINE_SOURCE, SCHEMAS)
                .isEmpty();
    }

    @Test
    void everyPublishedChannelStillExistsAtItsAddress() {
        // given
        List<String> published = PUBLISHED_ASYNCAPI.root().path("channels").values().stream()
                .map(channel -> AsyncApiDocument.text(channel.path("address")))
                .toList();

        // when
        List<String> gone = published.stream()
                .filter(address -> currentAsyncApi.channelWithAddress(address).isEmpty())
                .toList();

        // then
        assertThat(gone)
                .withFailMessage("channels in the contract baseline that %s no longer has: %s. %s",
                        ContractResources.ASYNCAPI, gone, NEW_VERSION_INSTEAD)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedMessages")
    void aPublishedMessageStillExistsWithItsNamePayloadAndCloudEventsType(Message published) {
        // given
        Optional<Message> current = messagesOf(currentAsyncApi).stream()
                .filter(published::isAt)
                .findFirst();

        // when
        Optional<String> difference = current.map(published::differenceFrom);

        // then
        assertThat(current)
                .withFailMessage("%s is in the contract baseline but no longer in %s. %s",
                        published, ContractResources.ASYNCAPI, NEW_VERSION_INSTEAD)
                .isPresent();
        assertThat(difference.orElseThrow())
                .withFailMessage("%s differs from the contract baseline: %s. %s",
                        published, difference.orElseThrow(), NEW_VERSION_INSTEAD)
                .isEmpty();
    }

    @Test
    void everyMessageIsInTheBaseline() {
        // given
        List<Message> published = messagesOf(PUBLISHED_ASYNCAPI);

        // when
        List<Message> missing = messagesOf(currentAsyncApi).stream()
                .filter(message -> published.stream().noneMatch(message::isAt))
                .toList();

        // then
        assertThat(missing)
                .withFailMessage("not in the contract baseline: %s. Add each to %s/%s in the change that publishes it.",
                        missing, BASELINE_SOURCE, ContractResources.ASYNCAPI)
                .isEmpty();
    }

    /** Every message of every channel, identified by the channel's address and the message's key in the channel. */
    private static List<Message> messagesOf(AsyncApiDocument document) {
        List<Message> messages = new ArrayList<>();
        document.root().path("channels").values().forEach(channel -> channel.path("messages").properties().forEach(entry -> {
            JsonNode message = document.resolve(entry.getValue());
            messages.add(new Message(
                    AsyncApiDocument.text(channel.path("address")),
                    entry.getKey(),
                    AsyncApiDocument.text(message.path("name")),
                    AsyncApiDocument.text(message.path("payload").path("$ref")),
                    document.ceTypeOf(message).orElse(null)));
        }));
        return messages;
    }

    /** What a consumer relies on in an AsyncAPI message: where it is, its name, its payload schema and its ce_type. */
    record Message(String address, String key, String name, String payload, String ceType) {

        boolean isAt(Message other) {
            return address.equals(other.address) && key.equals(other.key);
        }

        /** The ways the current message differs from this published one, or an empty string when it does not. */
        String differenceFrom(Message current) {
            List<String> differences = new ArrayList<>();
            describe(differences, "name", name, current.name);
            describe(differences, "payload", payload, current.payload);
            describe(differences, "ce_type", ceType, current.ceType);
            return String.join("; ", differences);
        }

        private static void describe(List<String> differences, String what, String published, String current) {
            if (!Objects.equals(published, current)) {
                differences.add(what + " changed from " + published + " to " + current);
            }
        }

        @Override
        public String toString() {
            return "message " + key + " on channel " + address;
        }
    }
}
