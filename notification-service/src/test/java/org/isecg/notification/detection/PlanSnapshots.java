package org.isecg.notification.detection;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;

/** Test plans: a plausible lunar south-pole plan, changed only where a test says so. */
final class PlanSnapshots {

    private String planId = "plan-a";
    private String owner = "NASA";
    private long version = 1;
    private String title = "South pole rover";
    private Destination destination = Destination.MOON;
    private String region = "SOUTH_POLE";
    private Set<Capability> capabilities = EnumSet.of(Capability.ROVER);
    private LocalDate start = LocalDate.of(2028, 1, 1);
    private LocalDate end = LocalDate.of(2029, 12, 31);
    private PlanStatus status = PlanStatus.PLANNED;
    private Set<String> partners = Set.of();
    private boolean withdrawn;

    static PlanSnapshots aPlan(String planId, String owner) {
        PlanSnapshots plan = new PlanSnapshots();
        plan.planId = planId;
        plan.owner = owner;
        return plan;
    }

    PlanSnapshots version(long version) {
        this.version = version;
        return this;
    }

    PlanSnapshots title(String title) {
        this.title = title;
        return this;
    }

    PlanSnapshots at(Destination destination, String region) {
        this.destination = destination;
        this.region = region;
        return this;
    }

    PlanSnapshots capabilities(Capability first, Capability... more) {
        this.capabilities = EnumSet.of(first, more);
        return this;
    }

    PlanSnapshots window(String start, String end) {
        this.start = LocalDate.parse(start);
        this.end = LocalDate.parse(end);
        return this;
    }

    PlanSnapshots status(PlanStatus status) {
        this.status = status;
        return this;
    }

    PlanSnapshots partners(String... partners) {
        this.partners = Set.of(partners);
        return this;
    }

    PlanSnapshots withdrawn() {
        this.withdrawn = true;
        return this;
    }

    PlanSnapshot build() {
        return new PlanSnapshot(planId, owner, version, title, destination, region, capabilities, start, end, status,
                partners, Set.of(), Set.of(), withdrawn);
    }
}
