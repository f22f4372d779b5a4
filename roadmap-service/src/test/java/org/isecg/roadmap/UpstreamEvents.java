package org.isecg.roadmap;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.events.inbound.ProcessedEvents;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.CloudEventPublisher;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.events.outbox.OutboxEvents;
import org.isecg.roadmap.replica.AgencyReplica;
import org.isecg.roadmap.replica.StandardReplica;

/**
 * Puts other services' events on their topics exactly as their outbox relays do (same wrapping,
 * same binder, same headers), and waits until the roadmap's replicas reflect them.
 */
public final class UpstreamEvents {

    /** The consumers (the replicas' bean names in kebab case), as ProcessedEvents records them. */
    public static final String AGENCY_REPLICA = "agency-replica";
    public static final String STANDARD_REPLICA = "standard-replica";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final OutboxEvents outboxEvents;
    private final CloudEventPublisher publisher;
    private final ProcessedEvents processed;
    private final AgencyReplica agencies;
    private final StandardReplica standards;

    public UpstreamEvents(OutboxEvents outboxEvents, CloudEventPublisher publisher, ProcessedEvents processed,
            AgencyReplica agencies, StandardReplica standards) {
        this.outboxEvents = outboxEvents;
        this.publisher = publisher;
        this.processed = processed;
        this.agencies = agencies;
        this.standards = standards;
    }

    /** Publishes the event; returns its CloudEvents id. */
    public String publish(DomainEvent event) {
        OutboxEvent wrapped = outboxEvents.wrap(event, Actor.service("upstream-test"));
        publisher.publish(wrapped).join();
        return wrapped.eventId();
    }

    /**
     * Publishes the event and waits until the named consumer has handled it, whatever it made of
     * it: the way to know that an event which should change nothing has indeed been seen.
     */
    public void publishAndAwaitHandled(DomainEvent event, String consumer) {
        String eventId = publish(event);
        await().atMost(PATIENCE).until(() -> processed.seen(consumer, eventId));
    }

    /** Registers the agencies and waits until the roadmap knows them as active. */
    public void registered(String... codes) {
        List.of(codes).forEach(code -> publish(UpstreamFacts.agencyRegistered(code)));
        Map<String, AgencyStatus> active = Set.of(codes).stream()
                .collect(Collectors.toMap(Function.identity(), code -> AgencyStatus.ACTIVE));
        await().atMost(PATIENCE).until(() -> agencyStatuses(codes).equals(active));
    }

    /** What the roadmap's replica holds of those agencies. */
    public Map<String, AgencyStatus> agencyStatuses(String... codes) {
        return agencies.statuses(Set.of(codes)).block(PATIENCE);
    }

    /** Publishes a standard with those revisions and waits until the roadmap knows them. */
    public void published(String code, String... revisions) {
        publish(UpstreamFacts.standardPublished(code, revisions));
        Set<StandardRef> refs = Set.of(revisions).stream().map(revision -> new StandardRef(code, revision))
                .collect(Collectors.toSet());
        await().atMost(PATIENCE).until(() -> standards.published(refs).block(PATIENCE).equals(refs));
    }

    /** Which of those revisions of the standard the roadmap knows as published. */
    public Set<StandardRef> knownRevisions(String code, String... revisions) {
        return standards.published(Set.of(revisions).stream().map(revision -> new StandardRef(code, revision))
                .collect(Collectors.toSet())).block(PATIENCE);
    }
}
