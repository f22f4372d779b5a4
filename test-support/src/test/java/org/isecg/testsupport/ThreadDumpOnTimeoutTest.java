package org.isecg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/** A timed-out test leaves a dump of every thread, naming where each waits; any other failure leaves none. */
class ThreadDumpOnTimeoutTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ThreadDumpOnTimeout hook = new ThreadDumpOnTimeout(new PrintStream(printed, true));
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void releaseTheWaiter() {
        released.countDown();
    }

    @Test
    void aBlockingReadThatTimedOutIsPassedOnAfterADumpOfEveryThreadsStack() {
        // given a thread parked as a stalled service thread would be, and a block(Duration) that ran out
        Thread waiter = new Thread(this::awaitRelease, "stalled-writer");
        waiter.setDaemon(true);
        waiter.start();
        awaitParked(waiter);
        Throwable timeout = catchThrowable(() -> Mono.never().block(Duration.ofMillis(10)));

        // when
        Throwable passedOn = hook.dumpedIfTimeout("PlanListIT create", timeout);

        // then
        assertThat(passedOn).isSameAs(timeout);
        assertThat(printed.toString())
                .contains("==== thread dump at ", "PlanListIT create timed out", "==== end of thread dump ====")
                .contains("\"stalled-writer\" daemon #" + waiter.getId() + " TIMED_WAITING")
                .contains(ThreadDumpOnTimeoutTest.class.getName() + ".awaitRelease");
    }

    @Test
    void aTimeoutAmongTheCausesOrSuppressedExceptionsIsRecognised() {
        IllegalStateException wrapped = new IllegalStateException("request failed",
                new RuntimeException(new TimeoutException("no answer")));
        AssertionError withSuppressed = new AssertionError("status");
        withSuppressed.addSuppressed(new TimeoutException("no answer"));

        assertThat(ThreadDumpOnTimeout.isTimeout(wrapped)).isTrue();
        assertThat(ThreadDumpOnTimeout.isTimeout(withSuppressed)).isTrue();
    }

    @Test
    void anyOtherFailureIsPassedOnWithoutADump() {
        AssertionError failed = new AssertionError("Status expected:<201> but was:<400>", new IllegalStateException("x"));

        assertThat(hook.dumpedIfTimeout("PlanListIT create", failed)).isSameAs(failed);
        assertThat(ThreadDumpOnTimeout.isTimeout(failed)).isFalse();
        assertThat(printed.toString()).isEmpty();
    }

    private void awaitRelease() {
        try {
            released.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitParked(Thread thread) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> thread.getState() == Thread.State.TIMED_WAITING);
    }
}
