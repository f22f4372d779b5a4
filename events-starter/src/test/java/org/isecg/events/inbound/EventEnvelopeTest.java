package org.isecg.events.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.MalformedEventException;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class EventEnvelopeTest {

    private final AgencyRegistered registered = new AgencyRegistered("JAXA", 1, "Japan Aerospace Exploration Agency",
            Set.of("JP"), AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2007, null, null, AgencyStatus.ACTIVE);

    @Test
    void aBinaryModeCloudEventIsReadWithItsAttributesAndData() {
        Message<byte[]> message = cloudEvent(EventTypes.AGENCY_REGISTERED.name(), EventJson.write(registered)).build();

        EventEnvelope<?> envelope = EventEnvelope.from(message).orElseThrow();

        assertThat(envelope.id()).isEqualTo("event-1");
        assertThat(envelope.type()).isEqualTo(EventTypes.AGENCY_REGISTERED);
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(envelope.source()).isEqualTo("/hub/agency-service");
        assertThat(envelope.data()).isEqualTo(registered);
    }

    @Test
    void headersTheBinderAlreadyDecodedToStringsAreReadToo() {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.write(registered))
                .setHeader(CloudEventHeaders.ID, "event-2")
                .setHeader(CloudEventHeaders.TYPE, EventTypes.AGENCY_REGISTERED.name())
                .setHeader(CloudEventHeaders.TIME, "2026-11-29T10:00:00Z")
                .build();

        assertThat(EventEnvelope.from(message)).hasValueSatisfying(envelope -> assertThat(envelope.id()).isEqualTo("event-2"));
    }

    @Test
    void aTypeThisServiceDoesNotKnowIsSkippedNotFailed() {
        Message<byte[]> message = cloudEvent("org.isecg.register.agency.renamed.v2", "{}".getBytes(UTF_8)).build();

        assertThat(EventEnvelope.from(message)).isEmpty();
    }

    @Test
    void anEventWithoutIdIsMalformed() {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.write(registered))
                .setHeader(CloudEventHeaders.TYPE, EventTypes.AGENCY_REGISTERED.name().getBytes(UTF_8))
                .setHeader(CloudEventHeaders.TIME, "2026-11-29T10:00:00Z".getBytes(UTF_8))
                .build();

        assertThatThrownBy(() -> EventEnvelope.from(message)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(CloudEventHeaders.ID);
    }

    @Test
    void anUnreadableTimeIsMalformed() {
        Message<byte[]> message = cloudEvent(EventTypes.AGENCY_REGISTERED.name(), EventJson.write(registered))
                .setHeader(CloudEventHeaders.TIME, "yesterday".getBytes(UTF_8)).build();

        assertThatThrownBy(() -> EventEnvelope.from(message)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataThatIsNotTheDeclaredTypeIsMalformed() {
        Message<byte[]> message = cloudEvent(EventTypes.AGENCY_REGISTERED.name(), "[1,2]".getBytes(UTF_8)).build();

        assertThatThrownBy(() -> EventEnvelope.from(message)).isInstanceOf(MalformedEventException.class);
    }

    private static MessageBuilder<byte[]> cloudEvent(String type, byte[] data) {
        return MessageBuilder.withPayload(data)
                .setHeader(CloudEventHeaders.ID, "event-1".getBytes(UTF_8))
                .setHeader(CloudEventHeaders.TYPE, type.getBytes(UTF_8))
                .setHeader(CloudEventHeaders.SOURCE, "/hub/agency-service".getBytes(UTF_8))
                .setHeader(CloudEventHeaders.TIME, "2026-11-29T10:00:00Z".getBytes(UTF_8));
    }

    /** Read into its record alone (the old decoding), this event was accepted with a null owner. */
    @Test
    void aPlanCreatedWithoutOwnerAgencyBreaksItsSchemaAndIsNeverReadIntoItsRecord() {
        PlanCreated ownerless = new PlanCreated("M09", null, 1, "Lunar Pathfinder", Destination.MOON, null,
                Set.of(Capability.COMMUNICATIONS_RELAY), LocalDate.of(2026, 1, 1), LocalDate.of(2033, 12, 31),
                PlanStatus.IN_DEVELOPMENT, Set.of(), Set.of(), Set.of());
        byte[] data = EventJson.write(ownerless);
        Message<byte[]> message = cloudEvent(EventTypes.PLAN_CREATED.name(), data).build();

        assertThat(EventJson.read(data, EventTypes.PLAN_CREATED).ownerAgency()).isNull();
        assertThatThrownBy(() -> EventEnvelope.from(message))
                .isInstanceOf(SchemaViolationException.class)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("violates its schema").hasMessageContaining("ownerAgency");
    }

    @Test
    void dataThatIsNotJsonIsMalformed() {
        Message<byte[]> message = cloudEvent(EventTypes.AGENCY_REGISTERED.name(), "{\"code\": ".getBytes(UTF_8)).build();

        assertThatThrownBy(() -> EventEnvelope.from(message)).isInstanceOf(MalformedEventException.class);
    }

    /** Spring Cloud Function renames the ce_ attributes of a record without a content-type to ce-. */
    @Test
    void attributesSpringCloudFunctionRenamedToItsCanonicalPrefixAreReadToo() {
        Message<byte[]> message = MessageBuilder.withPayload(EventJson.write(registered))
                .setHeader("ce-id", "event-3".getBytes(UTF_8))
                .setHeader("ce-type", EventTypes.AGENCY_REGISTERED.name().getBytes(UTF_8))
                .setHeader("ce-time", "2026-11-29T10:00:00Z".getBytes(UTF_8))
                .build();

        assertThat(EventEnvelope.from(message)).hasValueSatisfying(envelope -> assertThat(envelope.id()).isEqualTo("event-3"));
    }
}
