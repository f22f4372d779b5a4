package org.isecg.contracts;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Events hold their sets sorted and unmodifiable, so that the same event always serialises to the
 * same bytes (stable outbox documents, reproducible schema tests, readable diffs).
 */
public final class SortedSets {

    private SortedSets() {
    }

    /** An unmodifiable sorted copy; {@code null} becomes the empty set, so a reader tolerates an absent array. */
    public static <T extends Comparable<? super T>> SortedSet<T> copyOf(Collection<T> items) {
        if (items == null || items.isEmpty()) {
            return Collections.emptySortedSet();
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(items));
    }
}
