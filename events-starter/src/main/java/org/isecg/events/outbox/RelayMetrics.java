package org.isecg.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What the relay reports about itself, in one place (the meters' names are in docs/reliability.md). */
final class RelayMetrics {

    private final MeterRegistry meters;
    private final Counter failures;
    private final Counter droppedSignals;
    private final Counter fenced;
    private final Map<String, AtomicLong> backlog = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> parkedNow = new ConcurrentHashMap<>();
    private final Map<String, Timer> delays = new ConcurrentHashMap<>();
    private final Map<List<String>, Counter> published = new ConcurrentHashMap<>();

    RelayMetrics(MeterRegistry meters, Iterable<String> collections) {
        this.meters = meters;
        this.failures = Counter.builder("isecg.outbox.failures")
                .description("Outbox publications that failed and will be retried").register(meters);
        this.droppedSignals = Counter.builder("isecg.outbox.signals.dropped")
                .description("Signals the relay could not take (stopped or stopping); the sweep publishes their events")
                .register(meters);
        this.fenced = Counter.builder("isecg.outbox.fenced")
                .description("Documents whose lease another relay instance had taken over: this one removed nothing")
                .register(meters);
        for (String collection : collections) {
            AtomicLong pending = new AtomicLong();
            backlog.put(collection, pending);
            Gauge.builder("isecg.outbox.backlog", pending, AtomicLong::get).tag("collection", collection)
                    .description("Documents with events waiting to be published, as of the last sweep")
                    .register(meters);
            AtomicLong parkedHere = new AtomicLong();
            parkedNow.put(collection, parkedHere);
            Gauge.builder("isecg.outbox.parked.events", parkedHere, AtomicLong::get).tag("collection", collection)
                    .description("Events parked because they can never be published; each needs an operator")
                    .register(meters);
        }
    }

    void failed(int documents) {
        failures.increment(documents);
    }

    void signalDropped() {
        droppedSignals.increment();
    }

    void fenced() {
        fenced.increment();
    }

    void backlog(String collection, long documents, long parked) {
        backlog.get(collection).set(documents);
        parkedNow.get(collection).set(parked);
    }

    /** The broker acknowledged the event at {@code acknowledged}. */
    void published(OutboxEvent event, Instant acknowledged) {
        // looked up once per topic and type, not registered again for every event
        published.computeIfAbsent(List.of(event.topic(), event.type()), key -> Counter.builder("isecg.outbox.published")
                        .tag("topic", key.get(0)).tag("type", key.get(1))
                        .description("Events published from the outbox").register(meters))
                .increment();
        delays.computeIfAbsent(event.topic(), topic -> Timer.builder("isecg.outbox.delay").tag("topic", topic)
                        .description("Time from the write of an event to its acknowledgement by the broker")
                        .register(meters))
                .record(Duration.between(event.time(), acknowledged));
    }

    void parked(String collection, OutboxEvent event) {
        Counter.builder("isecg.outbox.parked").tag("collection", collection).tag("type", event.type())
                .description("Events parked because they can never be published").register(meters).increment();
        parkedNow.computeIfAbsent(collection, name -> new AtomicLong()).incrementAndGet();
    }
}
