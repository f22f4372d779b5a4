package org.isecg.contracts.roadmap;

/** Where a plan stands; a plan is active unless it is {@link #CANCELLED} or {@link #COMPLETED}. */
public enum PlanStatus {
    CONCEPT,
    PLANNED,
    APPROVED,
    IN_DEVELOPMENT,
    OPERATING,
    COMPLETED,
    CANCELLED;

    public boolean isActive() {
        return this != CANCELLED && this != COMPLETED;
    }
}
