package org.isecg.agency.register;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
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
 * The gauge {@code isecg.agencies{status, kind}}: how many agencies the register holds of each kind in
 * each status, counted from the database every {@code isecg.agency.metrics.count-interval}.
 *
 * <p>Counted, not kept up by each write: every instance then reports the register as it is, whichever
 * instance made the writes and however often it restarted (a count kept in memory starts at zero and
 * sees only its own writes). Every instance reports the same figures, so dashboards take their max,
 * not their sum. Every combination of status and kind is reported, zero included, so a series never
 * vanishes when its last agency leaves it.
 */
@Component
class AgencyCounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AgencyCounts.class);

    private final ReactiveMongoOperations mongo;
    private final AgencyMetricsProperties properties;
    private final MultiGauge gauge;
    private volatile Disposable counting;

    AgencyCounts(ReactiveMongoOperations mongo, AgencyMetricsProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.properties = properties;
        this.gauge = MultiGauge.builder("isecg.agencies")
                .description("Agencies in the register, by status and kind")
                .register(meters);
    }

    /**
     * The number of agencies of each status and kind, every combination present. Read as the two fields
     * of every entry and counted here: the register holds tens of entries, and the embedded server of
     * the local stack logs a warning for every aggregation.
     */
    Mono<Map<AgencyStatus, Map<AgencyKind, Long>>> count() {
        Query statusAndKind = new Query();
        statusAndKind.fields().include("status", "kind");
        return mongo.find(statusAndKind, Document.class, AgencyDocument.COLLECTION)
                .collectList()
                .map(entries -> {
                    Map<AgencyStatus, Map<AgencyKind, Long>> counts = new EnumMap<>(AgencyStatus.class);
                    for (AgencyStatus status : AgencyStatus.values()) {
                        Map<AgencyKind, Long> byKind = new EnumMap<>(AgencyKind.class);
                        for (AgencyKind kind : AgencyKind.values()) {
                            byKind.put(kind, 0L);
                        }
                        counts.put(status, byKind);
                    }
                    for (Document entry : entries) {
                        counts.get(AgencyStatus.valueOf(entry.getString("status")))
                                .merge(AgencyKind.valueOf(entry.getString("kind")), 1L, Long::sum);
                    }
                    return counts;
                });
    }

    private void publish(Map<AgencyStatus, Map<AgencyKind, Long>> counts) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((status, byKind) -> byKind.forEach((kind, count) -> rows.add(
                MultiGauge.Row.of(Tags.of("status", status.name(), "kind", kind.name()), count))));
        gauge.register(rows, true);
    }

    @Override
    public void start() {
        counting = Flux.interval(Duration.ZERO, properties.countInterval())
                .onBackpressureDrop()
                .concatMap(tick -> count().doOnNext(this::publish)
                        .onErrorResume(e -> {
                            // the gauge keeps its last figures; the next tick tries again
                            log.warn("counting the register failed, retrying in {}: {}", properties.countInterval(), e.toString());
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
}
