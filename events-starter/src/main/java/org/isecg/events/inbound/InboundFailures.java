package org.isecg.events.inbound;

import java.net.SocketException;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.isecg.contracts.MalformedEventException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/**
 * The one place that decides what kind of failure a handler's exception is; the whole chain of
 * causes is looked at, since the binder and the container wrap what the handler threw.
 *
 * <ul>
 * <li>{@link Kind#PERMANENT}: the event itself is wrong and will be as wrong on every attempt: a
 * {@link MalformedEventException} (unreadable data, a missing CloudEvents attribute, and its
 * subclass {@link SchemaViolationException}) or an {@link InvalidEventException} a handler throws to
 * reject the event. Permanent wins over transient anywhere in the chain.</li>
 * <li>{@link Kind#TRANSIENT}: something the event needs is away or slow: MongoDB
 * ({@link MongoTimeoutException}, {@link MongoSocketException}, Spring's
 * {@link DataAccessResourceFailureException} and {@link TransientDataAccessException}), Kafka
 * ({@link RetriableException}), a socket, a {@link TimeoutException}, or a blocking
 * {@code .block(timeout)} that timed out (Reactor's {@link IllegalStateException} "Timeout on
 * blocking read").</li>
 * <li>{@link Kind#UNEXPECTED}: anything else, a programming error most likely (a
 * {@code NullPointerException}); retried a few times, then dead-lettered, so that one bug neither
 * loses the event nor freezes its partition.</li>
 * </ul>
 */
public final class InboundFailures {

    /** What a failure is, and so what becomes of its event. */
    public enum Kind {
        /** Retried with back-off for as long as it lasts, holding the partition. */
        TRANSIENT,
        /** To the dead-letter topic at once. */
        PERMANENT,
        /** Retried a bounded number of times, then to the dead-letter topic. */
        UNEXPECTED
    }

    private static final String BLOCK_TIMEOUT = "Timeout on blocking read";

    private InboundFailures() {
    }

    public static Kind classify(Throwable failure) {
        boolean transientCause = false;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof MalformedEventException || cause instanceof InvalidEventException) {
                return Kind.PERMANENT;
            }
            transientCause |= isTransient(cause);
        }
        return transientCause ? Kind.TRANSIENT : Kind.UNEXPECTED;
    }

    /**
     * The most telling exception of the chain: the permanent or transient one it was classified by,
     * else the root cause; its message is the reason recorded with a dead letter.
     */
    public static Throwable reason(Throwable failure) {
        Throwable root = failure;
        Throwable transientCause = null;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof MalformedEventException || cause instanceof InvalidEventException) {
                return cause;
            }
            if (transientCause == null && isTransient(cause)) {
                transientCause = cause;
            }
            root = cause;
        }
        return transientCause != null ? transientCause : root;
    }

    private static boolean isTransient(Throwable cause) {
        return cause instanceof MongoTimeoutException
                || cause instanceof MongoSocketException
                || cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessException
                || cause instanceof RetriableException
                || cause instanceof TimeoutException
                || cause instanceof java.net.SocketTimeoutException
                || cause instanceof SocketException
                || cause instanceof IllegalStateException && cause.getMessage() != null
                        && cause.getMessage().startsWith(BLOCK_TIMEOUT);
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
