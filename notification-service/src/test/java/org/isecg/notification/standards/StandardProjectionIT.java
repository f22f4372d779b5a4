package org.isecg.notification.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.isecg.notification.standards.StandardFacts.published;
import static org.isecg.notification.standards.StandardFacts.publishedV1;
import static org.isecg.notification.standards.StandardFacts.revisionAdded;
import static org.isecg.notification.standards.StandardFacts.revisionBaselined;
import static org.isecg.notification.standards.StandardFacts.uniqueCode;
import static org.isecg.notification.standards.StandardFacts.updated;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.isecg.events.inbound.DeadLetters;
import org.isecg.events.inbound.ProcessedEvents;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.notification.NotifierContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifier's standard projection, fed from the standards topic as standards-service's relay writes
 * it: each v2 event applied if newer, the v1 events beside them skipped without a dead letter.
 */
class StandardProjectionIT extends NotifierContext {

    /** The consumer (the projection's bean name in kebab case), as ProcessedEvents records it. */
    static final String PROJECTION = "standard-projection";

    @Autowired
    StandardProjection projection;
    @Autowired
    ProcessedEvents processed;
    @Autowired
    DeadLetters deadLetters;
    @Autowired
    MeterRegistry meters;

    @Test
    void aV2EventIsAppliedWithTheWholeStateItCarries() {
        // given
        String code = uniqueCode();
        applied(published(code, "E"));

        // when
        applied(revisionBaselined(code, 2, "F", "E"));

        // then
        StandardState standard = projection.find(code).orElseThrow();
        assertThat(standard.version()).isEqualTo(2);
        assertThat(standard.title()).isEqualTo("Docking standard " + code);
        assertThat(standard.description()).isEqualTo("How two vehicles dock");
        assertThat(standard.stewards()).containsExactly("ESA", "NASA");
        assertThat(standard.revisions()).extracting(StandardRevision::revision, StandardRevision::status)
                .containsExactly(tuple("E", RevisionStatus.SUPERSEDED),
                        tuple("F", RevisionStatus.BASELINED));
        assertThat(standard.revision("F").orElseThrow().keyParameters()).singleElement()
                .satisfies(parameter -> assertThat(parameter.asText()).isEqualTo("800 mm"));
        assertThat(projection.find(uniqueCode())).isEmpty();
    }

    @Test
    void aRepeatedOrAnOlderEventChangesNothing() {
        // given
        String code = uniqueCode();
        applied(published(code, "E"));
        OutboxEvent third = wrapped(revisionAdded(code, 3, "G", "E", "F"));
        publish(third);
        await().atMost(PATIENCE).until(() -> processed.seen(PROJECTION, third.eventId()));

        // when the same event comes again, another of the same version, and an older one, each with other content
        publish(third);
        applied(updated(code, 3, "Renamed at the same version", "X"));
        applied(updated(code, 2, "Renamed at an older version", "E", "F"));

        // then
        StandardState standard = projection.find(code).orElseThrow();
        assertThat(standard.version()).isEqualTo(3);
        assertThat(standard.title()).isEqualTo("Docking standard " + code);
        assertThat(standard.revisions()).extracting(StandardRevision::revision).containsExactly("E", "F", "G");
        assertThat(standard.revision("G").orElseThrow().status()).isEqualTo(RevisionStatus.DRAFT);
    }

    @Test
    void aV1EventIsSkippedNotDeadLetteredAndTheV2EventAfterItApplied() {
        // given
        String code = uniqueCode();
        double skippedBefore = notHandled(EventTypes.STANDARD_PUBLISHED.name());
        long deadLettersBefore = deadLetters();

        // when standards-service writes a standard: v1 first, v2 last, on the same key
        OutboxEvent v1 = wrapped(publishedV1(code, 1, "E", "F", "H"));
        publish(v1);
        applied(published(code, "E", "F"));

        // then
        assertThat(projection.find(code).orElseThrow().revisions()).extracting(StandardRevision::revision)
                .containsExactly("E", "F");
        assertThat(processed.seen(PROJECTION, v1.eventId())).isFalse();
        assertThat(notHandled(EventTypes.STANDARD_PUBLISHED.name())).isGreaterThan(skippedBefore);
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    /** Publishes the event and waits until the projection has handled it, whatever it made of it. */
    private void applied(DomainEvent event) {
        OutboxEvent wrapped = wrapped(event);
        publish(wrapped);
        await().atMost(PATIENCE).until(() -> processed.seen(PROJECTION, wrapped.eventId()));
    }

    private long deadLetters() {
        return deadLetters.pending().stream().filter(pending -> pending.consumer().equals(PROJECTION))
                .findFirst().orElseThrow().total();
    }

    private double notHandled(String type) {
        Counter counter = meters.find("isecg.events.consumed").tags("consumer", PROJECTION,
                "type", type, "outcome", "not-handled").counter();
        return counter == null ? 0 : counter.count();
    }
}
