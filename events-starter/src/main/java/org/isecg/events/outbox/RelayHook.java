package org.isecg.events.outbox;

/**
 * Named points of a relay's work on one document, where a test makes the relay crash (throw), pause
 * (block on a latch) or take note. Production relays run with {@link #NONE}.
 */
interface RelayHook {

    RelayHook NONE = (point, collection, id, eventId) -> {
    };

    enum Point {
        /** Before the claim of the document's lease; {@code eventId} is null. */
        BEFORE_CLAIM,
        /** The lease is ours (renewed) and the event is about to be sent. */
        BEFORE_PUBLISH,
        /** The broker has acknowledged the event; it is still in the outbox. */
        AFTER_PUBLISH,
        /** The event left the outbox. */
        REMOVED,
        /** The conditional removal or renewal found the lease no longer ours: nothing was removed. */
        FENCED,
        /** The event was moved to the parked events. */
        PARKED
    }

    void at(Point point, String collection, Object id, String eventId);
}
