package org.isecg.seeding;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
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

    /**
     * It differs and no one but the seeding client ever wrote it: bring it in line with the dataset, write after
     * write, each under the version the one before answered.
     *
     * @param ifMatch the version read, for the first write
     * @param writes  in the order they are sent; at least one
     */
    record Update(String key, String ifMatch, List<Write> writes, List<FieldDifference> differences) implements Decision {
        public Update {
            writes = List.copyOf(writes);
            differences = List.copyOf(differences);
            if (writes.isEmpty()) {
                throw new IllegalArgumentException("an update of " + key + " without a write");
            }
        }
    }

    /**
     * One request of an update, under the entry's path.
     *
     * @param path under the entry's own path: empty for the entry itself, e.g. {@code /revisions/F/baseline}
     * @param body {@code null} for a request without one
     */
    record Write(String method, String path, JsonNode body) {
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

    /**
     * It differs, only seeding wrote it, yet the API cannot bring it in line without undoing what happened (a
     * revision moved back to an earlier status, a published revision's parameters changed): leave it and say why.
     */
    record Unreachable(String key, List<FieldDifference> differences) implements Decision {
        public Unreachable {
            differences = List.copyOf(differences);
        }
    }
}
