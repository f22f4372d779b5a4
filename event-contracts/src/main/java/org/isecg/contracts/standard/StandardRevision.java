package org.isecg.contracts.standard;

import java.util.List;

/**
 * One revision of a standard, as the events from v2 on carry it.
 *
 * @param revision      its label, unique within the standard, e.g. {@code F}, {@code Baseline}, {@code 211.0-B}
 * @param published     when it was published, as precisely as known: {@code 2022}, {@code 2022-07}; null when unknown
 * @param keyParameters the parameters an implementer checks first, in the order the standard lists them
 */
public record StandardRevision(String revision, RevisionStatus status, String published, List<KeyParameter> keyParameters) {

    public StandardRevision {
        keyParameters = keyParameters == null ? List.of() : List.copyOf(keyParameters);
    }

    public StandardRevision withStatus(RevisionStatus newStatus) {
        return new StandardRevision(revision, newStatus, published, keyParameters);
    }
}
