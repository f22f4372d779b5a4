package org.isecg.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;

/**
 * One notification as the caller's agency reads it: an inbox entry, answered as its own record so that
 * the stored document can change without changing the API.
 *
 * @param entryId the id to mark it read with: agency, overlap id and overlap version
 * @param agency  the agency whose notification it is, always the caller's
 * @param change  what happened to the overlap: {@code OPENED} or {@code RESOLVED}
 * @param detail  the overlap's summary, or for a resolution the reason it ended
 */
public record Notification(
        String entryId, String agency, String overlapId, long overlapVersion, String change, OverlapKind kind,
        Severity severity, List<String> planIds, Set<String> agencies, String detail, Instant occurredAt,
        Instant receivedAt, boolean read) {

    static Notification of(InboxEntry entry) {
        return new Notification(entry.entryId(), entry.agency(), entry.overlapId(), entry.overlapVersion(),
                entry.change(), entry.kind(), entry.severity(), entry.planIds(), entry.agencies(), entry.detail(),
                entry.occurredAt(), entry.receivedAt(), entry.read());
    }
}
