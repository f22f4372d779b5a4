package org.isecg.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.Topics;
import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.junit.jupiter.api.Test;

class InboundBindingTest {

    @Test
    void aHandlerOfAnEventFamilyReadsTheFamilysTopicInAGroupOfItsOwn() {
        InboundBinding binding = InboundBinding.of("agencyReplica", Object.class, AgencyEvent.class, "roadmap-service");

        assertThat(binding.topic()).isEqualTo(Topics.AGENCIES);
        assertThat(binding.consumer()).isEqualTo("agency-replica");
        assertThat(binding.group()).isEqualTo("roadmap-service.agency-replica");
        assertThat(binding.functionName()).isEqualTo("agencyReplicaConsumer");
        assertThat(binding.bindingName()).isEqualTo("agencyReplicaConsumer-in-0");
        assertThat(binding.deadLetterTopic()).isEqualTo("error.agencies.roadmap-service.agency-replica");
        assertThat(binding.handled()).containsExactlyInAnyOrder(EventTypes.AGENCY_REGISTERED, EventTypes.AGENCY_UPDATED,
                EventTypes.AGENCY_DEACTIVATED, EventTypes.AGENCY_REACTIVATED);
    }

    @Test
    void aHandlerOfOneEventTypeReceivesOnlyThatTypeOfItsTopic() {
        InboundBinding binding = InboundBinding.of("withdrawals", Object.class, PlanWithdrawn.class, "notification-service");

        assertThat(binding.topic()).isEqualTo(Topics.ROADMAP_PLANS);
        assertThat(binding.handled()).containsExactly(EventTypes.PLAN_WITHDRAWN);
    }

    @Test
    void aHandlerWhoseEventsSpanTwoTopicsIsRefusedNamingThem() {
        assertThatThrownBy(() -> InboundBinding.of("everything", Object.class, DomainEvent.class, "svc"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("everything");
        assertThatThrownBy(() -> InboundBinding.of("planAndAgency", Object.class, Mixed.class, "svc"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no topic");
    }

    @Test
    void aRawHandlerIsRefusedBecauseItsTopicCannotBeDerived() {
        assertThatThrownBy(() -> InboundBinding.of("raw", Object.class, null, "svc"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must name the events it handles");
    }

    @Test
    void consumerNamesAreTheBeanNamesInKebabCase() {
        assertThat(InboundBinding.kebab("overlapDetector")).isEqualTo("overlap-detector");
        assertThat(InboundBinding.kebab("inbox")).isEqualTo("inbox");
        assertThat(InboundBinding.kebab("planV2Projection")).isEqualTo("plan-v2-projection");
    }

    /** An event type no topic carries. */
    record Mixed(String aggregateId, long version) implements DomainEvent {
    }
}
