package org.isecg.notification;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.PlanWithdrawn;

/**
 * Plan events as roadmap-service publishes them: a lunar rover in the given region, 2030 to 2032,
 * changed only where a test says so. Each test uses a region of its own, so its plans overlap
 * nothing of the other tests sharing the notifier.
 */
public final class PlanFacts {

    private final String planId;
    private final String owner;
    private String title;
    private String region;
    private Set<Capability> capabilities = EnumSet.of(Capability.ROVER);
    private LocalDate start = LocalDate.of(2030, 1, 1);
    private LocalDate end = LocalDate.of(2032, 12, 31);
    private PlanStatus status = PlanStatus.PLANNED;
    private Set<String> partners = Set.of();

    private PlanFacts(String planId, String owner, String region) {
        this.planId = planId;
        this.owner = owner;
        this.region = region;
        this.title = owner + " rover";
    }

    public static PlanFacts aRover(String owner, String region) {
        return new PlanFacts("plan-" + UUID.randomUUID(), owner, region);
    }

    /** An agency code no other test uses. */
    public static String uniqueAgency(String initial) {
        return initial + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    /** A region no other test uses. */
    public static String uniqueRegion() {
        return "R_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    public String planId() {
        return planId;
    }

    public String owner() {
        return owner;
    }

    public String title() {
        return title;
    }

    public PlanFacts title(String title) {
        this.title = title;
        return this;
    }

    public PlanFacts region(String region) {
        this.region = region;
        return this;
    }

    public PlanFacts window(String start, String end) {
        this.start = LocalDate.parse(start);
        this.end = LocalDate.parse(end);
        return this;
    }

    public PlanFacts capabilities(Capability first, Capability... more) {
        this.capabilities = EnumSet.of(first, more);
        return this;
    }

    public PlanFacts status(PlanStatus status) {
        this.status = status;
        return this;
    }

    public PlanFacts partners(String... partners) {
        this.partners = Set.of(partners);
        return this;
    }

    public PlanCreated created() {
        return new PlanCreated(planId, owner, 1, title, Destination.MOON, region, capabilities, start, end, status,
                partners, Set.of(), Set.of());
    }

    public PlanUpdated updated(long version) {
        return new PlanUpdated(planId, owner, version, title, Destination.MOON, region, capabilities, start, end, status,
                partners, Set.of(), Set.of());
    }

    public PlanWithdrawn withdrawn(long version, String reason) {
        return new PlanWithdrawn(planId, owner, version, reason);
    }
}
