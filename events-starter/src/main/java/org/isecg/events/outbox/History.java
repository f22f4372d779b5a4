package org.isecg.events.outbox;

import java.util.List;

/**
 * An aggregate's history as the API answers it: an entry per version, oldest first.
 *
 * @param entries every change since histories were kept (the aggregates written before have none
 *                of their earlier versions)
 */
public record History(List<HistoryEntry> entries) {

    public History {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
