package org.isecg.roadmap.plan;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.History;
import org.isecg.events.web.IdempotentCreate;
import org.isecg.roadmap.replica.AgencyReplica;
import org.isecg.roadmap.replica.StandardReplica;
import org.isecg.web.problem.ConflictException;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.problem.NotOwnerException;
import org.isecg.web.problem.RefusedFieldsException;
import org.isecg.web.problem.RuleViolationException;
import org.isecg.web.resource.IfMatch;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.isecg.web.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Puts plans on the roadmap, changes and withdraws them. Each change and its event are one atomic
 * document write, conditional on the version the client read; the relay is signalled right after.
 */
@Service
class Plans {

    private final ReactiveMongoOperations mongo;
    private final AgencyReplica agencies;
    private final StandardReplica standards;
    private final AggregateWriter writer;
    private final Clock clock;

    Plans(ReactiveMongoOperations mongo, AgencyReplica agencies, StandardReplica standards, AggregateWriter writer,
            Clock clock) {
        this.mongo = mongo;
        this.agencies = agencies;
        this.standards = standards;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Puts the plan on the roadmap with a new id, under the request's idempotency key if it has one. An
     * agency's plan is its own: the owner comes from its token, and a body naming one is refused. An
     * import on the owner's behalf ({@code hub.import}) names the owner in the body.
     */
    Mono<RoadmapPlan> create(PlanRequests.PlanRequest request, Caller caller, IdempotentCreate<RoadmapPlan> idempotency) {
        String owner;
        Actor actor;
        if (caller.writesForItsAgency()) {
            if (request.ownerAgency() != null) {
                return Mono.error(RefusedFieldsException.serverOwned("ownerAgency"));
            }
            owner = caller.agency().orElseThrow();
            actor = Actor.of(caller);
        } else {
            if (request.ownerAgency() == null) {
                return Mono.error(new RuleViolationException("ownerAgency",
                        "is required when a plan is imported on its owner's behalf"));
            }
            owner = request.ownerAgency();
            actor = Actor.importing(caller);
        }
        RoadmapPlan plan = request.plan(UUID.randomUUID().toString(), owner, 1);
        return checked(plan, Set.of())
                .map(valid -> PlanDocument.created(valid, clock.instant(), writer.firstEvent(valid.created(), actor)))
                .flatMap(document -> writer.create(document, "plan", idempotency.recordFor(document.plan())))
                .map(PlanDocument::plan);
    }

    /** Replaces the plan's content if its current version satisfies the client's If-Match. */
    Mono<RoadmapPlan> update(String planId, IfMatch ifMatch, PlanRequests.PlanRequest request, Caller caller) {
        if (caller.writesForItsAgency() && request.ownerAgency() != null) {
            return Mono.error(RefusedFieldsException.serverOwned("ownerAgency"));
        }
        return write(planId, ifMatch, caller, current -> {
            if (request.ownerAgency() != null && !request.ownerAgency().equals(current.ownerAgency())) {
                return Mono.error(new RuleViolationException("ownerAgency",
                        "a plan's owner never changes; this one is owned by " + current.ownerAgency()));
            }
            RoadmapPlan changed = request.plan(planId, current.ownerAgency(), current.version() + 1);
            return checked(changed, current.partners()).map(valid ->
                    new AggregateWriter.Change(PlanDocument.content(valid, clock.instant()), valid.updated(), actor(caller)));
        });
    }

    /** Takes the plan off the roadmap if its current version satisfies the client's If-Match. */
    Mono<RoadmapPlan> withdraw(String planId, IfMatch ifMatch, String reason, Caller caller) {
        return write(planId, ifMatch, caller, current -> Mono.just(new AggregateWriter.Change(
                new Update().set("withdrawn", true).set("withdrawalReason", reason).set("updatedAt", clock.instant()),
                new PlanWithdrawn(planId, current.ownerAgency(), current.version() + 1, reason), actor(caller))));
    }

    /** Each version of the plan: who made it, when, with which event. */
    Mono<History> history(String planId) {
        return writer.history(PlanDocument.class, planId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("plan", planId)));
    }

    Mono<RoadmapPlan> find(String planId) {
        return mongo.findById(planId, PlanDocument.class)
                .map(PlanDocument::plan)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("plan", planId)));
    }

    /** Plans in id order, optionally one owner's or at one destination; withdrawn ones only on request. */
    Mono<Page<RoadmapPlan>> list(String owner, Destination destination, boolean includeWithdrawn, PageRequest page) {
        Criteria criteria = new Criteria();
        if (owner != null) {
            criteria.and("ownerAgency").is(owner);
        }
        if (destination != null) {
            criteria.and("destination").is(destination);
        }
        if (!includeWithdrawn) {
            criteria.and("withdrawn").is(false);
        }
        page.after().ifPresent(after -> criteria.and("_id").gt(after));
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(page.fetchSize());
        return mongo.find(query, PlanDocument.class).map(PlanDocument::plan).collectList()
                .map(plans -> page.page(plans, RoadmapPlan::planId));
    }

    /**
     * Writes the change built from the plan as read, if its version satisfies the If-Match and it is
     * still on the roadmap, unless someone else changed it in between.
     */
    private Mono<RoadmapPlan> write(String planId, IfMatch ifMatch, Caller caller,
            Function<RoadmapPlan, Mono<AggregateWriter.Change>> change) {
        return writer.change(PlanDocument.class, "plan", planId, ifMatch, stored -> {
                    RoadmapPlan current = stored.plan();
                    // on the plan as read for this very write, so no change of owner can slip in between
                    if (caller.writesForItsAgency() && !caller.agency().orElseThrow().equals(current.ownerAgency())) {
                        return Mono.error(new NotOwnerException("plan", planId, current.ownerAgency()));
                    }
                    if (current.withdrawn()) {
                        return Mono.error(new ConflictException("plan '" + planId + "' was withdrawn and cannot change"));
                    }
                    return change.apply(current);
                })
                .map(PlanDocument::plan);
    }

    private static Actor actor(Caller caller) {
        return caller.writesForItsAgency() ? Actor.of(caller) : Actor.importing(caller);
    }

    /**
     * The plan, if it keeps the rules against the replicas and the other plans; {@code earlierPartners}
     * are those it named before this change, which may have gone inactive since.
     */
    private Mono<RoadmapPlan> checked(RoadmapPlan plan, Set<String> earlierPartners) {
        Set<String> named = new HashSet<>(plan.partners());
        named.add(plan.ownerAgency());
        Mono<Map<String, Boolean>> dependencies = mongo.find(query(where("_id").in(plan.dependsOn())), PlanDocument.class)
                .collectMap(PlanDocument::planId, PlanDocument::withdrawn);
        return Mono.zip(agencies.statuses(named), standards.published(plan.conformsTo()), dependencies)
                .flatMap(known -> {
                    List<Violation> violations = PlanRules.check(plan,
                            new PlanRules.Known(known.getT1(), known.getT2(), known.getT3(), earlierPartners));
                    if (violations.isEmpty()) {
                        return Mono.just(plan);
                    }
                    return Mono.error(new RuleViolationException(
                            violations.get(0).field() + " " + violations.get(0).message(),
                            violations.stream().map(v -> new HubProblem.FieldError(v.field(), v.message())).toList()));
                });
    }
}
