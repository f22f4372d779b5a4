package org.isecg.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.contracts.overlap.OverlapEvent;
import org.isecg.contracts.roadmap.PlanEvent;
import org.isecg.contracts.standard.StandardChange;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** asyncapi.yaml says who writes and reads each topic, and how its records are keyed and labelled. */
class AsyncApiTest {

    /**
     * The events each topic's receivers take: the type argument of their EventHandler beans
     * (the standards' StandardReplica and StandardProjection take the v2 family, StandardChange).
     * The owner sends every version it publishes; a receiver lists exactly the types its handler covers.
     */
    private static final Map<String, Class<? extends DomainEvent>> HANDLED_BY_RECEIVERS = Map.of(
            Topics.AGENCIES, AgencyEvent.class,
            Topics.ROADMAP_PLANS, PlanEvent.class,
            Topics.STANDARDS, StandardChange.class,
            Topics.OVERLAPS, OverlapEvent.class);

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
        assertThat(summaries).allSatisfy(summary ->
                assertThat(summary.types()).as("event types of %s", summary)
                        .isEqualTo(typesOf(summary.address(), summary.action())));
    }

    @Test
    void theStandardsReceiversReadTheV2FamilyAndNoV1Event() {
        // given
        Set<String> v2 = typesOf(Topics.STANDARDS, "receive");

        // when
        List<OperationSummary> receivers = asyncApi.root().path("operations").values().stream().map(this::summarise)
                .filter(summary -> summary.action().equals("receive") && summary.address().equals(Topics.STANDARDS))
                .toList();

        // then
        assertThat(v2).containsExactlyInAnyOrder(EventTypes.STANDARD_PUBLISHED_V2.name(), EventTypes.STANDARD_UPDATED.name(),
                EventTypes.REVISION_ADDED.name(), EventTypes.REVISION_BASELINED.name(), EventTypes.REVISION_RETIRED.name());
        assertThat(receivers).extracting(OperationSummary::service)
                .containsExactlyInAnyOrder("roadmap-service", "notification-service");
        assertThat(receivers).allSatisfy(receiver -> assertThat(receiver.types()).isEqualTo(v2)
                .doesNotContain(EventTypes.STANDARD_PUBLISHED.name(), EventTypes.STANDARD_REVISED.name()));
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
                operation.path("messages").values().stream()
                        .map(message -> asyncApi.ceTypeOf(asyncApi.resolve(message))
                                .orElseThrow(() -> new AssertionError("a message of " + operation + " has no ce_type")))
                        .collect(Collectors.toSet()));
    }

    /** The type names on the topic that its owner sends ({@code send}) or its receivers' handlers take. */
    private static Set<String> typesOf(String topic, String action) {
        return EventTypes.ALL.stream().filter(type -> type.topic().equals(topic))
                .filter(type -> action.equals("send") || HANDLED_BY_RECEIVERS.get(topic).isAssignableFrom(type.dataType()))
                .map(EventType::name)
                .collect(Collectors.toSet());
    }

    private record OperationSummary(String action, String address, String service, Set<String> types) {
    }
}
