package org.isecg.events.outbox;

import org.isecg.web.resource.IfMatch;

/**
 * A write of an aggregate that did not happen, for a reason the caller can act on. Persistence
 * says what went wrong in its own words; the web starter's problem details (or a consumer's retry)
 * decide what that means to a client.
 */
public abstract sealed class AggregateWriteException extends RuntimeException
        permits AggregateWriteException.AlreadyExists, AggregateWriteException.AlreadyCreated,
        AggregateWriteException.NotFound, AggregateWriteException.StaleVersion {

    private final String kind;
    private final String id;

    AggregateWriteException(String kind, String id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    /** What the aggregate is called in messages, e.g. {@code agency}. */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    /** An aggregate with that id (or unique key) is already stored. */
    public static final class AlreadyExists extends AggregateWriteException {

        public AlreadyExists(String kind, String id) {
            super(kind, id, kind + " '" + id + "' already exists");
        }
    }

    /**
     * An aggregate was already created under the same caller and idempotency key, by a retry's first
     * request or by a concurrent one that got there first; {@link #record()} is what that create stored.
     */
    public static final class AlreadyCreated extends AggregateWriteException {

        private final IdempotencyRecord record;

        public AlreadyCreated(String kind, String id, IdempotencyRecord record) {
            super(kind, id, kind + " '" + id + "' was already created under that idempotency key");
            this.record = record;
        }

        public IdempotencyRecord record() {
            return record;
        }
    }

    /** No aggregate with that id is stored. */
    public static final class NotFound extends AggregateWriteException {

        public NotFound(String kind, String id) {
            super(kind, id, kind + " '" + id + "' does not exist");
        }
    }

    /** The aggregate is not at a version the change was based on (or its condition can never match). */
    public static final class StaleVersion extends AggregateWriteException {

        private final IfMatch expected;
        private final long current;

        public StaleVersion(String kind, String id, IfMatch expected, long current) {
            super(kind, id, kind + " '" + id + "' is at version " + current + ", not " + expected);
            this.expected = expected;
            this.current = current;
        }

        /** The condition the change was based on: one version, a list, or {@code *}. */
        public IfMatch expected() {
            return expected;
        }

        public long current() {
            return current;
        }
    }
}
