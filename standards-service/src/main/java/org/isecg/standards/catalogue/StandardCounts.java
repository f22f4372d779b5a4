package org.isecg.standards.catalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.RevisionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The gauges {@code isecg.standards{domain}} (standards of each domain) and
 * {@code isecg.standard.revisions{status}} (revisions in each status, over all standards), counted
 * from the database every {@code isecg.standards.metrics.count-interval}.
 *
 * <p>Counted, not kept up by each write, for the reasons of the agency register's gauge: every
 * instance reports the catalogue as it is, whichever instance wrote and however often it restarted,
 * so dashboards take the max of the instances, not the sum. Every domain and status is reported,
 * zero included, so a series never vanishes when its last standard or revision leaves it.
 */
@Component
class StandardCounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StandardCounts.class);

    private final ReactiveMongoOperations mongo;
    private final StandardMetricsProperties properties;
    private final MultiGauge standards;
    private final MultiGauge revisions;
    private volatile Disposable counting;

    StandardCounts(ReactiveMongoOperations mongo, StandardMetricsProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.standards = MultiGauge.builder("isecg.standards")
                .description("Standards in the catalogue, by domain")
                .register(meters);
        this.revisions = MultiGauge.builder("isecg.standard.revisions")
                .description("Revisions of the catalogue's standards, by status")
                .register(meters);
    }

    /**
     * The standards of each domain and the revisions of each status, every one present. Read as the
     * domain and the revisions' statuses of every standard and counted here: the catalogue holds tens
     * of standards, and the embedded server of the local stack logs a warning for every aggregation.
     */
    Mono<Counts> count() {
        Query domainAndStatuses = new Query();
        domainAndStatuses.fields().include("domain", "revisions.status");
        return mongo.find(domainAndStatuses, Document.class, StandardDocument.COLLECTION)
                .collectList()
                .map(found -> {
                    Map<InterfaceDomain, Long> byDomain = new EnumMap<>(InterfaceDomain.class);
                    for (InterfaceDomain domain : InterfaceDomain.values()) {
                        byDomain.put(domain, 0L);
                    }
                    Map<RevisionStatus, Long> byStatus = new EnumMap<>(RevisionStatus.class);
                    for (RevisionStatus status : RevisionStatus.values()) {
                        byStatus.put(status, 0L);
                    }
                    for (Document standard : found) {
                        byDomain.merge(InterfaceDomain.valueOf(standard.getString("domain")), 1L, Long::sum);
                        for (Document revision : standard.getList("revisions", Document.class, List.of())) {
                            byStatus.merge(RevisionStatus.valueOf(revision.getString("status")), 1L, Long::sum);
                        }
                    }
                    return new Counts(byDomain, byStatus);
                });
    }

    private void publish(Counts counts) {
        List<MultiGauge.Row<?>> domainRows = new ArrayList<>();
        counts.byDomain().forEach((domain, count) -> domainRows.add(MultiGauge.Row.of(Tags.of("domain", domain.name()), count)));
        standards.register(domainRows, true);
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        counts.byStatus().forEach((status, count) -> statusRows.add(MultiGauge.Row.of(Tags.of("status", status.name()), count)));
        revisions.register(statusRows, true);
    }

    @Override
    public void start() {
        counting = Flux.interval(Duration.ZERO, properties.countInterval())
                .onBackpressureDrop()
                .concatMap(tick -> count().doOnNext(this::publish)
                        .onErrorResume(e -> {
                            // the gauges keep their last figures; the next tick tries again
                            log.warn("counting the catalogue failed, retrying in {}: {}", properties.countInterval(), e.toString());
                            return Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = counting;
        counting = null;
        if (running != null) {
            running.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return counting != null;
    }

    /** The figures of one count. */
    record Counts(Map<InterfaceDomain, Long> byDomain, Map<RevisionStatus, Long> byStatus) {
    }
}
