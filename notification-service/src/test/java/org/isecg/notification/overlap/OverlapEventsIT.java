package org.isecg.notification.overlap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isecg.notification.PlanFacts.aRover;
import static org.isecg.notification.PlanFacts.uniqueAgency;
import static org.isecg.notification.PlanFacts.uniqueRegion;

import java.util.List;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.contracts.overlap.OverlapResolved;
import org.isecg.contracts.overlap.OverlapUpdated;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.notification.NotifierContext;
import org.isecg.notification.PlanFacts;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.junit.jupiter.api.Test;

/** What the notifier publishes on the overlaps topic: valid events, keyed by overlap id, in version order. */
class OverlapEventsIT extends NotifierContext {

    @Test
    void anOverlapsLifeIsPublishedAsValidEventsKeyedByItsId() {
        // given
        String region = uniqueRegion();
        String jaxa = uniqueAgency("J");
        String isro = uniqueAgency("I");
        PlanFacts jaxaLander = aRover(jaxa, region).capabilities(Capability.LANDER, Capability.ROVER);
        PlanFacts isroLander = aRover(isro, region).capabilities(Capability.LANDER);

        // when it opens (sharing only the vehicle), changes, and ends
        detected(jaxaLander.created());
        detected(isroLander.created());
        String overlapId = (String) awaitTheOverlapOf(jaxa).get("overlapId");
        detected(isroLander.title("ISRO lander, renamed").updated(2));
        detected(isroLander.status(PlanStatus.CANCELLED).updated(3));

        // then
        PublishedEvent<OverlapOpened> opened = events.awaitOne(EventTypes.OVERLAP_OPENED, overlapId);
        PublishedEvent<OverlapUpdated> updated = events.awaitOne(EventTypes.OVERLAP_UPDATED, overlapId);
        PublishedEvent<OverlapResolved> resolved = events.awaitOne(EventTypes.OVERLAP_RESOLVED, overlapId);
        assertThat(EventSchemas.violations(EventTypes.OVERLAP_OPENED, opened.value())).isEmpty();
        assertThat(EventSchemas.violations(EventTypes.OVERLAP_UPDATED, updated.value())).isEmpty();
        assertThat(EventSchemas.violations(EventTypes.OVERLAP_RESOLVED, resolved.value())).isEmpty();
        assertThat(List.of(opened.data().version(), updated.data().version(), resolved.data().version()))
                .containsExactly(1L, 2L, 3L);
        assertThat(opened.data().kind()).isEqualTo(OverlapKind.DUPLICATION);
        assertThat(opened.data().severity()).isEqualTo(Severity.LOW);
        assertThat(opened.data().capabilities()).containsExactly(Capability.LANDER);
        assertThat(opened.data().agencies()).containsExactlyInAnyOrder(jaxa, isro);
        assertThat(updated.data().summary()).contains("ISRO lander, renamed");
        assertThat(resolved.data().reason()).isEqualTo(isro + " 'ISRO lander, renamed' is CANCELLED");
        for (PublishedEvent<?> event : List.of(opened, updated, resolved)) {
            assertThat(event.key()).isEqualTo(overlapId);
            assertThat(event.headers()).containsEntry(CloudEventHeaders.SOURCE, "/hub/notification-service")
                    .containsEntry(CloudEventHeaders.SUBJECT, overlapId)
                    .containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0");
        }
    }
}
