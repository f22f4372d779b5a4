package org.isecg.contracts.roadmap;

import java.util.Comparator;

/** One revision of an interface standard, e.g. IDSS revision F. */
public record StandardRef(String standard, String revision) implements Comparable<StandardRef> {

    private static final Comparator<StandardRef> ORDER =
            Comparator.comparing(StandardRef::standard).thenComparing(StandardRef::revision);

    @Override
    public int compareTo(StandardRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return standard + ":" + revision;
    }
}
