package org.isecg.notification.standards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;

/**
 * One line of the operator's list of standards: enough to see whether the projection has caught up.
 *
 * @param revisions each revision's status by label, oldest first
 */
public record StandardSummary(String code, long version, Map<String, RevisionStatus> revisions) {

    public StandardSummary {
        revisions = Collections.unmodifiableMap(new LinkedHashMap<>(revisions));
    }

    static StandardSummary of(StandardState standard) {
        Map<String, RevisionStatus> statuses = new LinkedHashMap<>();
        for (StandardRevision revision : standard.revisions()) {
            statuses.put(revision.revision(), revision.status());
        }
        return new StandardSummary(standard.code(), standard.version(), statuses);
    }
}
