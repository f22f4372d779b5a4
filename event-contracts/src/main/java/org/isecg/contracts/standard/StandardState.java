package org.isecg.contracts.standard;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * A standard's whole state after a change, as every event of the {@link StandardChange} family carries
 * it, so that a consumer's replica needs only the latest event of a standard.
 *
 * @param description what the standard covers; null when none is recorded
 * @param stewards    codes of the agencies that maintain it
 * @param revisions   its revisions, oldest first; empty until the first one is added. At most one is
 *                    {@link RevisionStatus#BASELINED}.
 */
public record StandardState(String code, long version, String title, InterfaceDomain domain, String description,
        Set<String> stewards, List<StandardRevision> revisions) {

    public StandardState {
        stewards = SortedSets.copyOf(stewards);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public Optional<StandardRevision> revision(String label) {
        return revisions.stream().filter(revision -> revision.revision().equals(label)).findFirst();
    }

    /** The revision in force, if one is baselined. */
    public Optional<StandardRevision> baselined() {
        return revisions.stream().filter(revision -> revision.status() == RevisionStatus.BASELINED).findFirst();
    }
}
