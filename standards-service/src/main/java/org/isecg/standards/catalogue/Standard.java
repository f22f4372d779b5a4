package org.isecg.standards.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardRevised;

/**
 * An interface standard and its revisions, oldest first. Plain Java.
 *
 * @param stewards codes of the agencies that maintain it
 */
public record Standard(String code, long version, String title, InterfaceDomain domain, Set<String> stewards,
        List<Revision> revisions) {

    public Standard {
        stewards = SortedSets.copyOf(stewards);
        revisions = List.copyOf(revisions);
    }

    /** The rules the standard breaks: each revision label appears once. */
    List<String> violations() {
        List<String> violations = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (Revision revision : revisions) {
            if (!labels.add(revision.revision())) {
                violations.add("revision '" + revision.revision() + "' appears more than once");
            }
        }
        return violations;
    }

    StandardPublished published() {
        return new StandardPublished(code, version, title, domain, stewards, revisions);
    }

    StandardRevised revised() {
        return new StandardRevised(code, version, title, domain, stewards, revisions);
    }
}
