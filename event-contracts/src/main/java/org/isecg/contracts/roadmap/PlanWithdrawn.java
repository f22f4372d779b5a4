package org.isecg.contracts.roadmap;

/**
 * The owner took a plan off the roadmap; its id is never reused. Topic {@code roadmap-plans};
 * type {@code org.isecg.roadmap.plan.withdrawn.v1}.
 *
 * @param reason the owner's reason, as given
 */
public record PlanWithdrawn(String planId, String ownerAgency, long version, String reason) implements PlanEvent {
}
