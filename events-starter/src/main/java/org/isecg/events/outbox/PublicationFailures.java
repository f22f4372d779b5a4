package org.isecg.events.outbox;

import java.util.Set;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;

/**
 * The one place that decides whether a failed publication can ever succeed. A permanent failure is
 * one the broker or the producer will give again for the same record however often it is retried
 * (the record is too large, the topic name is invalid, the record cannot be serialized); everything
 * else (timeouts, a broker that is away, a leader election, a refused send) is transient and retried
 * by the next sweep, holding the document's later events behind it.
 */
final class PublicationFailures {

    private static final Set<Class<? extends Throwable>> PERMANENT = Set.of(RecordTooLargeException.class,
            RecordBatchTooLargeException.class, InvalidTopicException.class, SerializationException.class,
            UnsupportedVersionException.class);

    private PublicationFailures() {
    }

    /** The permanent cause in the chain, if there is one: the binder wraps the producer's exception. */
    static Throwable permanentCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> permanent : PERMANENT) {
                if (permanent.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }
}
