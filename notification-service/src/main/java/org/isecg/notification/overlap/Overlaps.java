package org.isecg.notification.overlap;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.isecg.contracts.overlap.OverlapEvent;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.contracts.overlap.OverlapResolved;
import org.isecg.contracts.overlap.OverlapUpdated;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriteException;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.notification.detection.Finding;
import org.isecg.notification.detection.KnownOverlap;
import org.isecg.notification.detection.OverlapChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies detection's conclusions to the stored overlaps, each change and its event in one
 * document write. Writes are conditional on the document's version and retried when another
 * detection got there first; a conclusion drawn from older plan versions than the stored state's
 * is dropped, so concurrent detections converge on the newest plans.
 */
@Component
class Overlaps {

    private static final Logger log = LoggerFactory.getLogger(Overlaps.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ATTEMPTS = 5;
    private static final String KIND = "overlap";
    /** Overlaps are the detector's own conclusions, drawn from plan events rather than asked for by a request. */
    private static final Actor DETECTOR = Actor.service("notification-service");

    private final ReactiveMongoOperations mongo;
    private final AggregateWriter writer;
    private final Clock clock;
    private final MeterRegistry meters;

    Overlaps(ReactiveMongoOperations mongo, AggregateWriter writer, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
        this.meters = meters;
    }

    List<KnownOverlap> involving(String planId) {
        return mongo.find(query(where("planIds").is(planId)), OverlapDocument.class)
                .map(document -> new KnownOverlap(document.overlapId(), document.kind(), document.planIds(),
                        document.state() == OverlapState.OPEN))
                .collectList().block(TIMEOUT);
    }

    void apply(OverlapChange change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            OverlapDocument stored = mongo.findById(change.overlapId(), OverlapDocument.class).block(TIMEOUT);
            if (stored != null && isStale(change.basis(), stored.basisMap())) {
                log.debug("dropping conclusion on overlap {} drawn from older plans", change.overlapId());
                return;
            }
            boolean done = change instanceof OverlapChange.Holds holds
                    ? holds(holds.finding(), stored)
                    : ended((OverlapChange.Ended) change, stored);
            if (done) {
                return;
            }
        }
        throw new IllegalStateException("overlap " + change.overlapId() + " kept changing under detection; "
                + "the event will be retried");
    }

    /** Opens, reopens or updates the overlap; false when a concurrent write got in first. */
    private boolean holds(Finding finding, OverlapDocument stored) {
        Instant now = clock.instant();
        if (stored == null) {
            OverlapOpened opened = opened(finding, 1, now);
            OverlapDocument created = new OverlapDocument(finding.overlapId(), 1, finding.kind(), finding.severity(),
                    OverlapState.OPEN, finding.planIds(), finding.agencies(), finding.destination(), finding.region(),
                    finding.capabilities(), finding.domain(), finding.summary(), null,
                    OverlapDocument.PlanVersion.of(finding.basis()), now, now, null,
                    List.of(writer.firstEvent(opened, DETECTOR)));
            try {
                writer.create(created, KIND).block(TIMEOUT);
            } catch (AggregateWriteException.AlreadyExists concurrentlyOpened) {
                return false;
            }
            published(created.overlapId(), "opened", finding);
            return true;
        }
        long next = stored.version() + 1;
        Update update = details(finding).set("basis", OverlapDocument.PlanVersion.of(merged(stored, finding.basis())));
        if (stored.state() == OverlapState.RESOLVED) {
            update.set("state", OverlapState.OPEN).set("openedAt", now).set("updatedAt", now)
                    .unset("resolvedAt").unset("resolution");
            return changed(stored, update, opened(finding, next, now), "opened", finding);
        }
        if (!stored.finding().sameDetailsAs(finding)) {
            update.set("updatedAt", now);
            return changed(stored, update, new OverlapUpdated(finding.overlapId(), next, finding.kind(),
                    finding.severity(), finding.planIds(), finding.agencies(), finding.destination(),
                    finding.region(), finding.capabilities(), finding.domain(), finding.summary(), now),
                    "updated", finding);
        }
        if (!stored.basisMap().equals(merged(stored, finding.basis()))) {
            // nothing to tell anyone, so no event and no new version: only remember the newer plan versions
            return rememberBasis(stored, update);
        }
        return true;
    }

    private boolean ended(OverlapChange.Ended ended, OverlapDocument stored) {
        if (stored == null || stored.state() != OverlapState.OPEN) {
            return true;
        }
        Instant now = clock.instant();
        long next = stored.version() + 1;
        Update update = new Update().set("state", OverlapState.RESOLVED)
                .set("resolution", ended.reason()).set("resolvedAt", now).set("updatedAt", now)
                .set("basis", OverlapDocument.PlanVersion.of(merged(stored, ended.basis())));
        return changed(stored, update, new OverlapResolved(stored.overlapId(), next, stored.kind(), stored.severity(),
                stored.planIds(), stored.agencies(), ended.reason(), now), "resolved", stored.finding());
    }

    /** The change and its event in one write, if the overlap is still as read; false when a concurrent write got in first. */
    private boolean changed(OverlapDocument stored, Update update, OverlapEvent event, String outcome, Finding finding) {
        try {
            writer.change(OverlapDocument.class, KIND, stored.overlapId(), stored.version(), update, event, DETECTOR)
                    .block(TIMEOUT);
        } catch (AggregateWriteException.StaleVersion concurrentlyChanged) {
            return false;
        }
        published(stored.overlapId(), outcome, finding);
        return true;
    }

    private boolean rememberBasis(OverlapDocument stored, Update update) {
        UpdateResult result = mongo.updateFirst(
                query(where("_id").is(stored.overlapId()).and("version").is(stored.version())),
                update, OverlapDocument.class).block(TIMEOUT);
        return result != null && result.getMatchedCount() == 1;
    }

    private void published(String overlapId, String outcome, Finding finding) {
        meters.counter("isecg.overlaps", "outcome", outcome, "kind", finding.kind().name(),
                "severity", finding.severity().name()).increment();
        log.info("overlap {} {}: {} {} {}", overlapId, outcome, finding.kind(), finding.severity(), finding.summary());
    }

    private static Update details(Finding finding) {
        return new Update().set("kind", finding.kind()).set("severity", finding.severity())
                .set("planIds", finding.planIds()).set("agencies", finding.agencies())
                .set("destination", finding.destination()).set("region", finding.region())
                .set("capabilities", finding.capabilities()).set("domain", finding.domain())
                .set("summary", finding.summary());
    }

    private static OverlapOpened opened(Finding finding, long version, Instant now) {
        return new OverlapOpened(finding.overlapId(), version, finding.kind(), finding.severity(), finding.planIds(),
                finding.agencies(), finding.destination(), finding.region(), finding.capabilities(), finding.domain(),
                finding.summary(), now);
    }

    /** True when the conclusion rests on an older version of some plan than the stored state does. */
    static boolean isStale(Map<String, Long> incoming, Map<String, Long> stored) {
        return incoming.entrySet().stream()
                .anyMatch(entry -> entry.getValue() < stored.getOrDefault(entry.getKey(), Long.MIN_VALUE));
    }

    private static Map<String, Long> merged(OverlapDocument stored, Map<String, Long> incoming) {
        Map<String, Long> merged = new HashMap<>(stored.basisMap());
        merged.putAll(incoming);
        return merged;
    }
}
