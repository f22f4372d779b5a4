package org.isecg.notification.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in an agency's inbox.
 *
 * @param entryId  agency, overlap id and overlap version: the same overlap change lands once per inbox
 * @param change   what happened to the overlap: {@code OPENED} or {@code RESOLVED}
 * @param detail   the overlap's summary, or for a resolution the reason it ended
 */
@Document(InboxEntry.COLLECTION)
public record InboxEntry(
        @Id String entryId, String agency, String overlapId, long overlapVersion, String change,
        OverlapKind kind, Severity severity, List<String> planIds, Set<String> agencies, String detail,
        Instant occurredAt, Instant receivedAt, boolean read) {

    static final String COLLECTION = "inbox";

    static String idOf(String agency, String overlapId, long overlapVersion) {
        return agency + ":" + overlapId + ":" + overlapVersion;
    }
}
