package org.isecg.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A signal comes right after a committed write, so it never fails the request: when the relay cannot
 * take it, it is dropped and counted, and the event waits in its document for a sweep.
 */
class OutboxRelayTest {

    private final ReactiveMongoOperations mongo = mock(ReactiveMongoOperations.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicReference<ScheduledExecutorService> lastExecutor = new AtomicReference<>();
    private final OutboxRelay relay = new OutboxRelay(mongo, mock(CloudEventPublisher.class),
            new OutboxProperties(Duration.ofMinutes(1), Duration.ofSeconds(30), 100, 1, null),
            new OutboxCollections(new MongoMappingContext()), Clock.systemUTC(), meters, "test-relay", RelayHook.NONE, () -> {
                ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
                lastExecutor.set(executor);
                return executor;
            });

    @Test
    void aSignalBeforeTheRelayStartsIsDroppedWithoutAnError() {
        assertThatCode(() -> relay.signal("agencies", "ESA")).doesNotThrowAnyException();

        assertThat(dropped()).isEqualTo(1);
        verifyNoInteractions(mongo);
    }

    @Test
    void aSignalAfterTheRelayStoppedIsDroppedWithoutAnError() {
        relay.start();
        relay.stop();

        assertThatCode(() -> relay.signal("agencies", "ESA")).doesNotThrowAnyException();

        assertThat(relay.isRunning()).isFalse();
        assertThat(dropped()).isEqualTo(1);
        verifyNoInteractions(mongo);
    }

    @Test
    void aSignalTheStoppingExecutorRejectsIsDroppedWithoutAnError() {
        // given: the relay still holds its executor, which has shut down (as between stop's two steps)
        relay.start();
        lastExecutor.get().shutdownNow();

        // when / then
        assertThatCode(() -> relay.signal("agencies", "ESA")).doesNotThrowAnyException();
        assertThat(dropped()).isEqualTo(1);
        verifyNoInteractions(mongo);
        relay.stop();
    }

    @Test
    void theRelayCanStartAgainAfterAStop() {
        relay.start();
        relay.stop();
        relay.start();

        assertThat(relay.isRunning()).isTrue();
        assertThat(lastExecutor.get().isShutdown()).isFalse();
        relay.stop();
    }

    @Test
    void itStopsBelowTheWebServersPhasesAndAboveTheBindersOutputs() {
        // the context-level check, with the real beans, is in OutboxAndInboundContract
        assertThat(relay.getPhase()).isLessThan(Integer.MAX_VALUE - 2048).isGreaterThan(Integer.MIN_VALUE + 1000);
    }

    private double dropped() {
        return meters.get("isecg.outbox.signals.dropped").counter().count();
    }
}
