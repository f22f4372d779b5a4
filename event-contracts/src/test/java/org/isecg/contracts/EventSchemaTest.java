package org.isecg.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.networknt.schema.Error;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.node.ObjectNode;

/** What producers write validates against the published schemas, reads back unchanged, and the schemas reject what they should. */
class EventSchemaTest {

    static Stream<Named<DomainEvent>> samples() {
        return SampleEvents.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void whatAProducerWritesValidatesAgainstTheSchemaOfItsType(DomainEvent event) {
        // given
        EventType<DomainEvent> type = EventTypes.of(event);

        // when
        byte[] data = EventJson.write(event);

        // then
        assertThat(ContractResources.validate(type, ContractResources.json(data))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void whatAProducerWritesReadsBackToAnEqualEvent(DomainEvent event) {
        // given
        EventType<DomainEvent> type = EventTypes.of(event);
        byte[] data = EventJson.write(event);

        // when
        DomainEvent read = EventJson.read(data, type);

        // then
        assertThat(read).isEqualTo(event);
        assertThat(EventJson.write(read)).isEqualTo(data);
    }

    @Test
    void everyEventTypeHasASample() {
        // given
        Stream<Named<DomainEvent>> samples = SampleEvents.all();

        // when
        List<EventType<?>> sampled = samples.map(Named::getPayload).<EventType<?>>map(EventTypes::of).toList();

        // then
        assertThat(sampled).containsAll(EventTypes.ALL);
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("a plan without its owner", SampleEvents.artemisIiiUpdated(),
                        data -> data.remove("ownerAgency"), "required"),
                violation("an agency without its status", SampleEvents.esaRegistered(),
                        data -> data.remove("status"), "required"),
                violation("an overlap resolved without its reason", SampleEvents.relayCooperationResolved(),
                        data -> data.remove("reason"), "required"),
                violation("a standard revision without its status", SampleEvents.idssPublished(),
                        data -> ((ObjectNode) data.get("revisions").get(0)).remove("status"), "required"),
                violation("a v2 key parameter without its value", SampleEvents.idssPublishedV2(),
                        data -> ((ObjectNode) data.get("standard").get("revisions").get(0).get("keyParameters").get(0)).remove("value"),
                        "required"),
                violation("a revision label with a slash", SampleEvents.idssRevisionAdded(),
                        data -> data.put("revision", "G/1"), "pattern"),
                violation("a v2 revision status outside the vocabulary", SampleEvents.idssRevisionBaselined(),
                        data -> ((ObjectNode) data.get("standard").get("revisions").get(1)).put("status", "WITHDRAWN"), "enum"),
                violation("a destination outside the vocabulary", SampleEvents.artemisIiiUpdated(),
                        data -> data.put("destination", "VENUS"), "enum"),
                violation("a capability outside the vocabulary", SampleEvents.gatewayIHabCreated(),
                        data -> data.putArray("capabilities").add("WARP_DRIVE"), "enum"),
                violation("a severity outside the vocabulary", SampleEvents.communicationsGapOpened(),
                        data -> data.put("severity", "CRITICAL"), "enum"),
                violation("a lower-case agency code", SampleEvents.esaRegistered(),
                        data -> data.put("code", "esa"), "pattern"),
                violation("a lower-case partner agency code", SampleEvents.gatewayIHabCreated(),
                        data -> data.putArray("partners").add("nasa"), "pattern"),
                violation("a lower-case country code", SampleEvents.esaRegistered(),
                        data -> data.putArray("countries").add("fr"), "pattern"),
                violation("a region with spaces", SampleEvents.artemisIiiUpdated(),
                        data -> data.put("region", "south pole"), "pattern"),
                violation("an empty plan id", SampleEvents.viperWithdrawn(),
                        data -> data.put("planId", ""), "minLength"),
                violation("an agency at version 0", SampleEvents.esaRegistered(),
                        data -> data.put("version", 0), "minimum"),
                violation("a plan at version 0", SampleEvents.lunarPathfinderCreated(),
                        data -> data.put("version", 0), "minimum"),
                violation("an overlap at version 0", SampleEvents.southPoleDuplicationAcknowledged(),
                        data -> data.put("version", 0), "minimum"),
                violation("a version as a string", SampleEvents.idssPublished(),
                        data -> data.put("version", "1"), "type"),
                violation("a date that is not ISO", SampleEvents.artemisIiiUpdated(),
                        data -> data.put("start", "01/06/2027"), "format"),
                violation("an instant without a time zone", SampleEvents.communicationsGapOpened(),
                        data -> data.put("detectedAt", "2025-03-14T09:30:12"), "format"),
                violation("a contact that is not an email address", SampleEvents.nasaUpdated(),
                        data -> data.put("contactEmail", "liaison at nasa"), "pattern"),
                violation("a website that is not https", SampleEvents.esaRegistered(),
                        data -> data.put("website", "http://www.esa.int"), "pattern"),
                violation("a website longer than 2048 characters", SampleEvents.nasaUpdated(),
                        data -> data.put("website", "https://www.nasa.gov/" + "a".repeat(2048)), "maxLength"),
                violation("a deactivation without the agency's status", SampleEvents.uksaDeactivated(),
                        data -> data.remove("status"), "required"),
                violation("a reactivation with an empty reason", SampleEvents.uksaReactivated(),
                        data -> data.put("reason", ""), "minLength"),
                violation("a set with a duplicate", SampleEvents.artemisIiiUpdated(),
                        data -> data.putArray("capabilities").add("LANDER").add("LANDER"), "uniqueItems"),
                violation("an overlap involving no agency", SampleEvents.relayCooperationDismissed(),
                        data -> data.putArray("agencies"), "minItems"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void theSchemasRejectDataThatBreaksTheContract(Consumer<ObjectNode> breakIt, DomainEvent valid, String keyword) {
        // given
        ObjectNode data = (ObjectNode) ContractResources.json(EventJson.write(valid));
        breakIt.accept(data);

        // when
        List<Error> errors = ContractResources.validate(EventTypes.of(valid), data);

        // then
        assertThat(errors).extracting(Error::getKeyword).contains(keyword);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theSchemasAcceptAFieldAddedByANewerProducer(DomainEvent event) {
        // given
        ObjectNode data = (ObjectNode) ContractResources.json(EventJson.write(event));
        data.put("addedInAMinorRelease", "consumers ignore it");

        // when
        List<Error> errors = ContractResources.validate(EventTypes.of(event), data);

        // then
        assertThat(errors).isEmpty();
    }

    private static Arguments violation(String name, DomainEvent valid, Consumer<ObjectNode> breakIt, String keyword) {
        return Arguments.of(Named.of(name, breakIt), valid, keyword);
    }
}
