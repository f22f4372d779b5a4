package org.isecg.events.inbound;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deletes expired ids of handled events on a schedule, so that the bookkeeping stays bounded also
 * where TTL indexes are not honoured (the embedded Mongo-compatible server). A failed purge is
 * logged and tried again at the next interval.
 */
public class ProcessedEventsPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsPurge.class);

    private final ProcessedEvents processed;
    private final Duration interval;
    private final Counter purged;
    private volatile ScheduledExecutorService executor;

    public ProcessedEventsPurge(ProcessedEvents processed, Duration interval, MeterRegistry meters) {
        this.processed = processed;
        this.interval = interval;
        this.purged = Counter.builder("isecg.events.processed.purged")
                .description("Ids of handled events forgotten after their retention").register(meters);
    }

    /** Purges now; returns how many ids were forgotten. */
    public long purgeNow() {
        long deleted = processed.purge();
        purged.increment(deleted);
        if (deleted > 0) {
            log.info("forgot {} ids of events handled before the retention", deleted);
        }
        return deleted;
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (RuntimeException e) {
            log.warn("purge of processed events failed, retrying in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processed-events-purge");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::purgeQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
