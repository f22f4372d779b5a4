package org.isecg.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.overlap.OverlapAcknowledged;
import org.isecg.contracts.overlap.OverlapDismissed;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.contracts.overlap.OverlapResolved;
import org.isecg.contracts.overlap.OverlapUpdated;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.isecg.contracts.standard.RevisionAdded;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionRetired;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardPublishedV2;
import org.isecg.contracts.standard.StandardRevised;
import org.isecg.contracts.standard.StandardUpdated;

/**
 * Every published event type, in one place: CloudEvents type name, topic, data record and JSON
 * Schema. A type name ends in its version; a breaking change adds a type, it never edits one.
 */
public final class EventTypes {

    public static final EventType<AgencyRegistered> AGENCY_REGISTERED = new EventType<>(
            "org.isecg.register.agency.registered.v1", Topics.AGENCIES, AgencyRegistered.class,
            "schemas/agency-registered.v1.schema.json");
    public static final EventType<AgencyUpdated> AGENCY_UPDATED = new EventType<>(
            "org.isecg.register.agency.updated.v1", Topics.AGENCIES, AgencyUpdated.class,
            "schemas/agency-updated.v1.schema.json");
    public static final EventType<AgencyDeactivated> AGENCY_DEACTIVATED = new EventType<>(
            "org.isecg.register.agency.deactivated.v1", Topics.AGENCIES, AgencyDeactivated.class,
            "schemas/agency-deactivated.v1.schema.json");
    public static final EventType<AgencyReactivated> AGENCY_REACTIVATED = new EventType<>(
            "org.isecg.register.agency.reactivated.v1", Topics.AGENCIES, AgencyReactivated.class,
            "schemas/agency-reactivated.v1.schema.json");

    public static final EventType<PlanCreated> PLAN_CREATED = new EventType<>(
            "org.isecg.roadmap.plan.created.v1", Topics.ROADMAP_PLANS, PlanCreated.class,
            "schemas/plan-created.v1.schema.json");
    public static final EventType<PlanUpdated> PLAN_UPDATED = new EventType<>(
            "org.isecg.roadmap.plan.updated.v1", Topics.ROADMAP_PLANS, PlanUpdated.class,
            "schemas/plan-updated.v1.schema.json");
    public static final EventType<PlanWithdrawn> PLAN_WITHDRAWN = new EventType<>(
            "org.isecg.roadmap.plan.withdrawn.v1", Topics.ROADMAP_PLANS, PlanWithdrawn.class,
            "schemas/plan-withdrawn.v1.schema.json");

    public static final EventType<StandardPublished> STANDARD_PUBLISHED = new EventType<>(
            "org.isecg.standards.standard.published.v1", Topics.STANDARDS, StandardPublished.class,
            "schemas/standard-published.v1.schema.json");
    public static final EventType<StandardRevised> STANDARD_REVISED = new EventType<>(
            "org.isecg.standards.standard.revised.v1", Topics.STANDARDS, StandardRevised.class,
            "schemas/standard-revised.v1.schema.json");

    public static final EventType<StandardPublishedV2> STANDARD_PUBLISHED_V2 = new EventType<>(
            "org.isecg.standards.standard.published.v2", Topics.STANDARDS, StandardPublishedV2.class,
            "schemas/standard-published.v2.schema.json");
    public static final EventType<StandardUpdated> STANDARD_UPDATED = new EventType<>(
            "org.isecg.standards.standard.updated.v1", Topics.STANDARDS, StandardUpdated.class,
            "schemas/standard-updated.v1.schema.json");
    public static final EventType<RevisionAdded> REVISION_ADDED = new EventType<>(
            "org.isecg.standards.standard.revision-added.v1", Topics.STANDARDS, RevisionAdded.class,
            "schemas/standard-revision-added.v1.schema.json");
    public static final EventType<RevisionBaselined> REVISION_BASELINED = new EventType<>(
            "org.isecg.standards.standard.revision-baselined.v1", Topics.STANDARDS, RevisionBaselined.class,
            "schemas/standard-revision-baselined.v1.schema.json");
    public static final EventType<RevisionRetired> REVISION_RETIRED = new EventType<>(
            "org.isecg.standards.standard.revision-retired.v1", Topics.STANDARDS, RevisionRetired.class,
            "schemas/standard-revision-retired.v1.schema.json");

    public static final EventType<OverlapOpened> OVERLAP_OPENED = new EventType<>(
            "org.isecg.notification.overlap.opened.v1", Topics.OVERLAPS, OverlapOpened.class,
            "schemas/overlap-opened.v1.schema.json");
    public static final EventType<OverlapUpdated> OVERLAP_UPDATED = new EventType<>(
            "org.isecg.notification.overlap.updated.v1", Topics.OVERLAPS, OverlapUpdated.class,
            "schemas/overlap-updated.v1.schema.json");
    public static final EventType<OverlapResolved> OVERLAP_RESOLVED = new EventType<>(
            "org.isecg.notification.overlap.resolved.v1", Topics.OVERLAPS, OverlapResolved.class,
            "schemas/overlap-resolved.v1.schema.json");
    public static final EventType<OverlapAcknowledged> OVERLAP_ACKNOWLEDGED = new EventType<>(
            "org.isecg.notification.overlap.acknowledged.v1", Topics.OVERLAPS, OverlapAcknowledged.class,
            "schemas/overlap-acknowledged.v1.schema.json");
    public static final EventType<OverlapDismissed> OVERLAP_DISMISSED = new EventType<>(
            "org.isecg.notification.overlap.dismissed.v1", Topics.OVERLAPS, OverlapDismissed.class,
            "schemas/overlap-dismissed.v1.schema.json");

    public static final List<EventType<?>> ALL = List.of(
            AGENCY_REGISTERED, AGENCY_UPDATED, AGENCY_DEACTIVATED, AGENCY_REACTIVATED,
            PLAN_CREATED, PLAN_UPDATED, PLAN_WITHDRAWN,
            STANDARD_PUBLISHED, STANDARD_REVISED,
            STANDARD_PUBLISHED_V2, STANDARD_UPDATED, REVISION_ADDED, REVISION_BASELINED, REVISION_RETIRED,
            OVERLAP_OPENED, OVERLAP_UPDATED, OVERLAP_RESOLVED, OVERLAP_ACKNOWLEDGED, OVERLAP_DISMISSED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private static final Map<Class<?>, EventType<?>> BY_DATA_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataType, Function.identity()));

    private EventTypes() {
    }

    /** The type with that CloudEvents name; empty for a type this version of the contracts does not know. */
    public static Optional<EventType<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The type of an event record. */
    @SuppressWarnings("unchecked")
    public static <E extends DomainEvent> EventType<E> of(E event) {
        EventType<?> type = BY_DATA_TYPE.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a published event: " + event.getClass().getName());
        }
        return (EventType<E>) type;
    }
}
