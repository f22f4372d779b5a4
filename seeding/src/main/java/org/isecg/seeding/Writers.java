package org.isecg.seeding;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The clients that wrote the versions of one entry, as its history ({@code GET .../history}) names them: how
 * seeding tells its own writes from a person's. An entry is seeding's own only if every version was written
 * by the seeding client; no history at all (an entry from before histories were kept) is no proof of that.
 */
public record Writers(SortedSet<String> clients) {

    public Writers {
        clients = Collections.unmodifiableSortedSet(new TreeSet<>(clients));
    }

    /** The writers of a history answer: {@code {"entries": [{"version": 1, "client": "seeding", ...}]}}. */
    public static Writers of(JsonNode history) {
        SortedSet<String> clients = new TreeSet<>();
        for (JsonNode version : history.path("entries")) {
            clients.add(version.path("client").asString("(unknown client)"));
        }
        return new Writers(clients);
    }

    /** True if the seeding client wrote every version, and there is at least one. */
    public boolean onlySeeding(String seedingClient) {
        return clients.equals(Set.of(seedingClient));
    }

    /** The writers other than the seeding client. */
    public SortedSet<String> others(String seedingClient) {
        SortedSet<String> others = new TreeSet<>(clients);
        others.remove(seedingClient);
        return others;
    }
}
