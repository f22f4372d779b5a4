package org.isecg.seeding;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.node.ObjectNode;

/** What seeding does with one entry of a dataset, given what the deployment holds. */
public sealed interface Decision {

    /** The entry's key, e.g. an agency code. */
    String key();

    /** The deployment does not have it: create it. */
    record Create(String key, ObjectNode body) implements Decision {
    }

    /** The deployment has it as the dataset says: nothing to write. */
    record Unchanged(String key) implements Decision {
    }

    /** It differs and no one but the seeding client ever wrote it: bring it in line with the dataset. */
    record Update(String key, String ifMatch, ObjectNode body, List<FieldDifference> differences) implements Decision {
        public Update {
            differences = List.copyOf(differences);
        }
    }

    /**
     * It differs because someone changed it (or its history is unknown): leave it as they made it.
     *
     * @param changedBy the clients other than the seeding client that wrote it, in order; empty if no history says
     */
    record LeaveAsChanged(String key, Set<String> changedBy, List<FieldDifference> differences) implements Decision {
        public LeaveAsChanged {
            changedBy = Collections.unmodifiableSortedSet(new TreeSet<>(changedBy));
            differences = List.copyOf(differences);
        }
    }
}
