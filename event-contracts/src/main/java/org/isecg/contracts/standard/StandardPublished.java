package org.isecg.contracts.standard;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;

/**
 * A working group published a new interface standard. Topic {@code standards}; type
 * {@code org.isecg.standards.standard.published.v1}.
 *
 * @param stewards  codes of the agencies that maintain it
 * @param revisions its revisions, oldest first
 */
public record StandardPublished(
        String code, long version, String title, InterfaceDomain domain,
        Set<String> stewards, List<Revision> revisions) implements StandardEvent {

    public StandardPublished {
        stewards = SortedSets.copyOf(stewards);
        revisions = List.copyOf(revisions);
    }
}
