package org.isecg.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.isecg.contracts.standard.StandardEvent;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** asyncapi.yaml says who writes and reads each topic, and how its records are keyed and labelled. */
class AsyncApiTest {

    private final AsyncApiDocument asyncApi = AsyncApiDocument.load();

    @Test
    void theDocumentIsAsyncApi300WithOneChannelPerTopic() {
        // given
        JsonNode root = asyncApi.root();

        // when
        List<String> addresses = root.path("channels").values().stream()
                .map(channel -> channel.path("address").stringValue())
                .toList();

        // then
        assertThat(root.path("asyncapi").stringValue()).isEqualTo("3.0.0");
        assertThat(root.path("channels").propertyNames())
                .containsExactly(Topics.AGENCIES, Topics.ROADMAP_PLANS, Topics.STANDARDS, Topics.OVERLAPS);
        assertThat(addresses).containsExactly(Topics.AGENCIES, Topics.ROADMAP_PLANS, Topics.STANDARDS, Topics.OVERLAPS);
    }

    @Test
    void eachTopicIsSentByItsOneOwnerAndReceivedByTheServicesThatNeedIt() {
        // given
        JsonNode operations = asyncApi.root().path("operations");

        // when
        List<OperationSummary> summaries = operations.values().stream().map(this::summarise).toList();

        // then
        assertThat(summaries)
                .extracting(OperationSummary::action, OperationSummary::address, OperationSummary::service)
                .containsExactlyInAnyOrder(
                        tuple("send", Topics.AGENCIES, "agency-service"),
                        tuple("send", Topics.ROADMAP_PLANS, "roadmap-service"),
                        tuple("send", Topics.STANDARDS, "standards-service"),
                        tuple("send", Topics.OVERLAPS, "notification-service"),
                        tuple("receive", Topics.AGENCIES, "roadmap-service"),
                        tuple("receive", Topics.STANDARDS, "roadmap-service"),
                        tuple("receive", Topics.AGENCIES, "notification-service"),
                        tuple("receive", Topics.ROADMAP_PLANS, "notification-service"),
                        tuple("receive", Topics.STANDARDS, "notification-service"),
                        tuple("receive", Topics.OVERLAPS, "notification-service"));
        // the owner sends every version of its topic; a consumer reads one version of each event: the
        // standards' consumers still read v1 (StandardEvent), until standards-service produces v2
        assertThat(summaries).allSatisfy(summary ->
                assertThat(summary.messageCount()).as("messages of %s", summary)
                        .isEqualTo(EventTypes.ALL.stream().filter(type -> type.topic().equals(summary.address()))
                                .filter(type -> summary.action().equals("send") || !type.topic().equals(Topics.STANDARDS)
                                        || StandardEvent.class.isAssignableFrom(type.dataType()))
                                .count()));
    }

    @Test
    void everyMessageCarriesTheCloudEventsBinaryModeHeaders() {
        // given
        JsonNode headers = asyncApi.resolve(asyncApi.root().at("/components/schemas/cloudEventHeaders"));

        // when
        List<JsonNode> messages = asyncApi.root().path("components").path("messages").values().stream().toList();

        // then
        assertThat(headers.path("properties").propertyNames()).containsExactlyInAnyOrder(
                CloudEventHeaders.ID, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME, CloudEventHeaders.ACTING_CLIENT,
                CloudEventHeaders.ACTING_AGENCY, CloudEventHeaders.DATA_SCHEMA,
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.TRACE_PARENT, CloudEventHeaders.TRACE_STATE);
        assertThat(headers.path("required").values()).extracting(JsonNode::stringValue).containsExactlyInAnyOrder(
                CloudEventHeaders.ID, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.TIME, CloudEventHeaders.ACTING_CLIENT,
                CloudEventHeaders.CONTENT_TYPE);
        // CloudEvents 1.0: attribute names are lower-case ASCII letters and digits; the binding prefixes ce_
        assertThat(List.of(CloudEventHeaders.ACTING_CLIENT, CloudEventHeaders.ACTING_AGENCY))
                .allSatisfy(header -> assertThat(header.substring("ce_".length())).matches("[a-z0-9]{1,20}"));
        assertThat(headers.at("/properties/" + CloudEventHeaders.SPEC_VERSION + "/const").stringValue())
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(headers.at("/properties/" + CloudEventHeaders.CONTENT_TYPE + "/const").stringValue())
                .isEqualTo(CloudEventHeaders.JSON_CONTENT_TYPE);
        assertThat(messages).hasSize(EventTypes.ALL.size()).allSatisfy(message -> {
            assertThat(message.at("/headers/allOf/0/$ref").stringValue()).isEqualTo("#/components/schemas/cloudEventHeaders");
            assertThat(asyncApi.ceTypeOf(message)).hasValueSatisfying(type -> assertThat(EventTypes.byName(type)).isPresent());
            assertThat(message.path("contentType").stringValue()).isEqualTo(CloudEventHeaders.JSON_CONTENT_TYPE);
        });
    }

    @Test
    void everyMessageIsKeyedByItsAggregateIdAsAString() {
        // given
        Map<String, String> keyBindingByTopic = Map.of(
                Topics.AGENCIES, "#/components/messageBindings/agencyKey",
                Topics.ROADMAP_PLANS, "#/components/messageBindings/planKey",
                Topics.STANDARDS, "#/components/messageBindings/standardKey",
                Topics.OVERLAPS, "#/components/messageBindings/overlapKey");

        for (EventType<?> type : EventTypes.ALL) {
            // when
            JsonNode message = asyncApi.channelWithAddress(type.topic()).map(asyncApi::messagesOf).orElse(List.of()).stream()
                    .filter(candidate -> asyncApi.ceTypeOf(candidate).filter(type.name()::equals).isPresent())
                    .findFirst().orElseThrow(() -> new AssertionError("no message of type " + type.name()));
            JsonNode key = asyncApi.resolve(message.path("bindings")).path("kafka").path("key");

            // then
            assertThat(message.path("bindings").path("$ref").stringValue()).as(type.name()).isEqualTo(keyBindingByTopic.get(type.topic()));
            assertThat(key.path("type").stringValue()).as(type.name()).isEqualTo("string");
            assertThat(key.path("description").isString()).as(type.name()).isTrue();
        }
    }

    private OperationSummary summarise(JsonNode operation) {
        JsonNode channel = asyncApi.resolve(operation.path("channel"));
        return new OperationSummary(
                operation.path("action").stringValue(),
                channel.path("address").stringValue(),
                operation.at("/tags/0/name").stringValue(),
                operation.path("messages").size());
    }

    private record OperationSummary(String action, String address, String service, int messageCount) {
    }
}
