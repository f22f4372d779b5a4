package org.isecg.roadmap.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/** A plan as stored: the plan, its version, and the events not yet published (the outbox). */
@Document(PlanDocument.COLLECTION)
record PlanDocument(
        @Id String planId, String ownerAgency, long version, String title,
        Destination destination, String region, Set<Capability> capabilities,
        LocalDate start, LocalDate end, PlanStatus status,
        Set<String> partners, Set<StandardRef> conformsTo, Set<String> dependsOn, boolean withdrawn,
        String withdrawalReason, Instant createdAt, Instant updatedAt, List<OutboxEvent> outbox)
        implements OutboxAggregate {

    static final String COLLECTION = "plans";

    static PlanDocument created(RoadmapPlan plan, Instant at, OutboxEvent event) {
        return new PlanDocument(plan.planId(), plan.ownerAgency(), plan.version(), plan.title(), plan.destination(),
                plan.region(), plan.capabilities(), plan.start(), plan.end(), plan.status(), plan.partners(),
                plan.conformsTo(), plan.dependsOn(), false, null, at, at, List.of(event));
    }

    /** Sets every content field to the plan's; the owner and the id never change. */
    static Update content(RoadmapPlan plan, Instant at) {
        return new Update().set("version", plan.version()).set("title", plan.title())
                .set("destination", plan.destination()).set("region", plan.region())
                .set("capabilities", plan.capabilities()).set("start", plan.start()).set("end", plan.end())
                .set("status", plan.status()).set("partners", plan.partners()).set("conformsTo", plan.conformsTo())
                .set("dependsOn", plan.dependsOn()).set("updatedAt", at);
    }

    RoadmapPlan plan() {
        return new RoadmapPlan(planId, ownerAgency, version, title, destination, region, capabilities, start, end,
                status, partners, conformsTo, dependsOn, withdrawn);
    }
}
