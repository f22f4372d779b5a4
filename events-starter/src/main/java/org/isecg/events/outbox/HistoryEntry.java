package org.isecg.events.outbox;

import java.time.Instant;

/**
 * One change of an aggregate, as its history keeps it: the version it made, the event that says
 * so, when, and who made it. {@link AggregateWriter} appends one in the same write as the change
 * and its event, so the history has every version and nothing that was not written.
 *
 * @param version    the version the change made, 1 for the creation
 * @param event      the CloudEvents type of its event, e.g. {@code org.isecg.roadmap.plan.updated.v1}
 * @param at         when, as the event's time
 * @param client     the client that made it
 * @param agency     the agency the client acted for, if any
 * @param importedBy the client that wrote it on the owner's behalf ({@code hub.import}), if it was
 *                   imported; null when the owner (or the body that manages the record) made it
 */
public record HistoryEntry(long version, String event, Instant at, String client, String agency, String importedBy) {

    /** The field of an aggregate document that holds its history, oldest first. */
    public static final String FIELD = "history";

    static HistoryEntry of(long version, OutboxEvent event) {
        Actor actor = event.actor();
        return new HistoryEntry(version, event.type(), event.time(), actor.client(), actor.agency(),
                actor.imported() ? actor.client() : null);
    }
}
