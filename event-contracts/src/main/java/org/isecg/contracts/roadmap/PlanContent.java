package org.isecg.contracts.roadmap;

import java.time.LocalDate;
import java.util.Set;

/**
 * The content of a plan as {@link PlanCreated} and {@link PlanUpdated} carry it: the whole plan,
 * so that a consumer's projection needs only the latest event.
 */
public sealed interface PlanContent extends PlanEvent permits PlanCreated, PlanUpdated {

    String title();

    Destination destination();

    /** The area visited or, for an orbital service, the area served; absent when the plan names none. */
    String region();

    Set<Capability> capabilities();

    /** First day of the plan's window, inclusive. */
    LocalDate start();

    /** Last day of the plan's window, inclusive. */
    LocalDate end();

    PlanStatus status();

    Set<String> partners();

    Set<StandardRef> conformsTo();

    Set<String> dependsOn();
}
