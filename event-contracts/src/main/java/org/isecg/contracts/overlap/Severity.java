package org.isecg.contracts.overlap;

/** How much an overlap matters; subscribers filter by a minimum severity. Declared from lowest to highest. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH;

    public boolean isAtLeast(Severity minimum) {
        return compareTo(minimum) >= 0;
    }
}
