package org.isecg.events.outbox;

import org.isecg.web.resource.IfMatch;

/**
 * A write of an aggregate that did not happen, for a reason the caller can act on. Persistence
 * says what went wrong in its own words; the web starter's problem details (or a consumer's retry)
 * decide what that means to a client.
 */
public abstract sealed class AggregateWriteException extends RuntimeException
        permits AggregateWriteException.AlreadyExists, AggregateWriteException.NotFound,
        AggregateWriteException.StaleVersion {

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
