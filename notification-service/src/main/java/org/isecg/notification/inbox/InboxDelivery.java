package org.isecg.notification.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.isecg.contracts.overlap.OverlapEvent;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.contracts.overlap.OverlapResolved;
import org.isecg.events.inbound.EventEnvelope;
import org.isecg.events.inbound.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Delivers overlap events to the inboxes of the agencies involved. Every agency hears of the
 * overlaps that involve it, opened and resolved (the default subscription); updates of details
 * are not news. The entry id makes a redelivered event land once.
 */
@Component
class InboxDelivery implements EventHandler<OverlapEvent> {

    private static final Logger log = LoggerFactory.getLogger(InboxDelivery.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;
    private final Clock clock;
    private final MeterRegistry meters;

    InboxDelivery(ReactiveMongoOperations mongo, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        mongo.indexOps(InboxEntry.COLLECTION).createIndex(new Index()
                .on("agency", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC)).subscribe();
    }

    @Override
    public void handle(EventEnvelope<? extends OverlapEvent> event) {
        if (event.data() instanceof OverlapOpened opened) {
            deliver(opened, "OPENED", opened.summary(), event.time());
        } else if (event.data() instanceof OverlapResolved resolved) {
            deliver(resolved, "RESOLVED", resolved.reason(), event.time());
        }
    }

    private void deliver(OverlapEvent overlap, String change, String detail, Instant occurredAt) {
        for (String agency : overlap.agencies()) {
            Instant now = clock.instant();
            InboxEntry entry = new InboxEntry(InboxEntry.idOf(agency, overlap.overlapId(), overlap.version()), agency,
                    overlap.overlapId(), overlap.version(), change, overlap.kind(), overlap.severity(),
                    overlap.planIds(), overlap.agencies(), detail, occurredAt, now, false);
            try {
                mongo.insert(entry).block(TIMEOUT);
            } catch (DuplicateKeyException alreadyDelivered) {
                log.debug("inbox entry {} already delivered", entry.entryId());
                continue;
            }
            meters.counter("isecg.notifications", "channel", "inbox", "outcome", "delivered",
                    "kind", overlap.kind().name()).increment();
            Timer.builder("isecg.notifications.delay").tag("channel", "inbox")
                    .description("Time from an overlap event to its delivery")
                    .register(meters).record(Duration.between(occurredAt, now));
            log.info("inbox of {}: overlap {} {}", agency, overlap.overlapId(), change);
        }
    }
}
