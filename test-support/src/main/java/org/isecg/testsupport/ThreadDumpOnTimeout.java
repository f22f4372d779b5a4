package org.isecg.testsupport;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints every thread's stack, with the locks and synchronizers it holds, when a test or one of its
 * {@code @BeforeEach}/{@code @AfterEach} methods fails on a timeout (a request that got no answer, a
 * {@code block(Duration)} that ran out), then lets the failure through unchanged. A stall that
 * shows once in many CI runs is then reported with where every thread was waiting at that moment,
 * which is the evidence that a timeout's message alone does not give.
 */
public final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    /** Reactor's {@code block(Duration)} reports a timeout with an {@link IllegalStateException} saying so. */
    private static final String BLOCKING_READ_TIMEOUT = "Timeout on blocking read";
    /** Deep enough to see through reactor's and Netty's frames to the caller that waits. */
    private static final int MAX_FRAMES = 64;

    private final PrintStream out;

    public ThreadDumpOnTimeout() {
        this(System.out);
    }

    ThreadDumpOnTimeout(PrintStream out) {
        this.out = out;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw dumpedIfTimeout(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw dumpedIfTimeout(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw dumpedIfTimeout(context, failure);
    }

    private Throwable dumpedIfTimeout(ExtensionContext context, Throwable failure) {
        return dumpedIfTimeout(context.getRequiredTestClass().getSimpleName() + " " + context.getDisplayName(), failure);
    }

    /** The failure, after printing the dump if it is a timeout. */
    Throwable dumpedIfTimeout(String what, Throwable failure) {
        if (isTimeout(failure)) {
            out.println(dump(what, failure));
            out.flush();
        }
        return failure;
    }

    /** A timeout anywhere in the failure's causes or suppressed exceptions. */
    static boolean isTimeout(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isTimeout(failure, seen);
    }

    private static boolean isTimeout(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (failure instanceof TimeoutException
                || failure.getMessage() != null && failure.getMessage().startsWith(BLOCKING_READ_TIMEOUT)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isTimeout(suppressed, seen)) {
                return true;
            }
        }
        return isTimeout(failure.getCause(), seen);
    }

    static String dump(String what, Throwable failure) {
        StringBuilder dump = new StringBuilder()
                .append("==== thread dump at ").append(Instant.now()).append(": ").append(what)
                .append(" timed out (").append(failure).append(") ====\n");
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(format(thread));
        }
        return dump.append("==== end of thread dump ====").toString();
    }

    /** Like {@link ThreadInfo#toString()}, which stops at eight frames, with the whole stack up to {@link #MAX_FRAMES}. */
    private static String format(ThreadInfo thread) {
        StringBuilder text = new StringBuilder().append('"').append(thread.getThreadName()).append('"')
                .append(thread.isDaemon() ? " daemon" : "").append(" #").append(thread.getThreadId())
                .append(' ').append(thread.getThreadState());
        if (thread.getLockName() != null) {
            text.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            text.append(" owned by \"").append(thread.getLockOwnerName()).append("\" #").append(thread.getLockOwnerId());
        }
        text.append('\n');
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < stack.length && i < MAX_FRAMES; i++) {
            text.append("\tat ").append(stack[i]).append('\n');
            for (var monitor : thread.getLockedMonitors()) {
                if (monitor.getLockedStackDepth() == i) {
                    text.append("\t- locked ").append(monitor).append('\n');
                }
            }
        }
        if (stack.length > MAX_FRAMES) {
            text.append("\t...\n");
        }
        for (var synchronizer : thread.getLockedSynchronizers()) {
            text.append("\t- holds ").append(synchronizer).append('\n');
        }
        return text.append('\n').toString();
    }
}
