package org.isecg.seeding;

import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one dataset compares its entries with the deployment's and brings them in line. The decision itself is
 * the same for every dataset: an entry the deployment lacks is created; one it has as the dataset says is left
 * without reading its history; one that differs is brought in line only if every version of it was written by
 * the seeding client (then the difference is the dataset's own change), and otherwise stays as a person made it.
 *
 * @param <E> an entry of the dataset
 */
public interface EntryRules<E> {

    /** The entry's key in the collection: the {@code code} it is created with, as every collection is keyed. */
    default String key(E entry) {
        return creation(entry).path("code").asString();
    }

    /** The body that creates the entry. */
    ObjectNode creation(E entry);

    /** The dataset's fields whose value in the deployment's entry is another. */
    List<FieldDifference> differences(E entry, JsonNode current);

    /**
     * The writes that bring an entry only seeding wrote in line ({@link Decision.Update}), or why none can
     * ({@link Decision.Unreachable}).
     */
    Decision bringInLine(E entry, JsonNode current, List<FieldDifference> differences);

    /**
     * @param current the deployment's entry ({@code GET .../{code}} or an item of the list), or {@code null}
     * @param history its history ({@code GET .../history}), asked for only if the entry differs
     */
    default Decision decide(E entry, JsonNode current, Supplier<JsonNode> history, String seedingClient) {
        if (current == null || current.isMissingNode() || current.isNull()) {
            return new Decision.Create(key(entry), creation(entry));
        }
        List<FieldDifference> differences = differences(entry, current);
        if (differences.isEmpty()) {
            return new Decision.Unchanged(key(entry));
        }
        Writers writers = Writers.of(history.get());
        if (writers.onlySeeding(seedingClient)) {
            return bringInLine(entry, current, differences);
        }
        return new Decision.LeaveAsChanged(key(entry), writers.others(seedingClient), differences);
    }
}
