package org.isecg.contracts.standard;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * A standard changed: a revision was added, or a revision's status moved (baselined, superseded,
 * retired). Topic {@code standards}; type {@code org.isecg.standards.standard.revised.v1}.
 * Carries the whole standard after the change.
 */
public record StandardRevised(
        String code, long version, String title, InterfaceDomain domain,
        Set<String> stewards, List<Revision> revisions) implements StandardEvent {

    public StandardRevised {
        stewards = SortedSets.copyOf(stewards);
        revisions = List.copyOf(revisions);
    }
}
