package org.isecg.standards.catalogue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.History;
import org.isecg.events.web.IdempotentCreate;
import org.isecg.standards.steward.AgencyReplica;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.problem.RuleViolationException;
import org.isecg.web.resource.IfMatch;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Publishes and revises standards, each change with its event in one document write. */
@Service
class Catalogue {

    private final ReactiveMongoOperations mongo;
    private final AggregateWriter writer;
    private final Clock clock;
    private final AgencyReplica agencies;

    Catalogue(ReactiveMongoOperations mongo, AggregateWriter writer, Clock clock, AgencyReplica agencies) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
        this.agencies = agencies;
    }

    /** Publishes the standard, under the request's idempotency key if it has one. */
    Mono<Standard> publish(StandardRequests.StandardRequest request, Actor actor, IdempotentCreate<Standard> idempotency) {
        if (request.code() == null) {
            return Mono.error(new RuleViolationException("code", "is required on a new standard"));
        }
        return activeAgencies(request.stewards(), Set.of()).then(Mono.fromCallable(() -> {
                    Standard standard = checked(request.standard(request.code(), 1));
                    return StandardDocument.published(standard, clock.instant(), writer.firstEvent(standard.published(), actor));
                }))
                .flatMap(document -> writer.create(document, "standard", idempotency.recordFor(document.standard())))
                .map(StandardDocument::standard);
    }

    /** Replaces the standard (its revisions included) if its current version satisfies the client's If-Match. */
    Mono<Standard> revise(String code, IfMatch ifMatch, StandardRequests.StandardRequest request, Actor actor) {
        if (request.code() != null && !request.code().equals(code)) {
            return Mono.error(new RuleViolationException("code", "a standard's code never changes"));
        }
        return writer.change(StandardDocument.class, "standard", code, ifMatch, current -> activeAgencies(request.stewards(),
                current.stewards()).then(Mono.fromCallable(() -> {
                    Standard revised = checked(request.standard(code, current.version() + 1));
                    return new AggregateWriter.Change(new Update()
                            .set("title", revised.title())
                            .set("domain", revised.domain())
                            .set("stewards", revised.stewards())
                            .set("revisions", revised.revisions())
                            .set("updatedAt", clock.instant()),
                            revised.revised(), actor);
                })))
                .map(StandardDocument::standard);
    }

    /** Each version of the standard: who made it, when, with which event. */
    Mono<History> history(String code) {
        return writer.history(StandardDocument.class, code)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("standard", code)));
    }

    Mono<Standard> find(String code) {
        return mongo.findById(code, StandardDocument.class)
                .map(StandardDocument::standard)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("standard", code)));
    }

    /** Standards in code order, optionally of one domain. */
    Mono<Page<Standard>> list(InterfaceDomain domain, PageRequest page) {
        Query query = new Query().with(Sort.by("_id")).limit(page.fetchSize());
        if (domain != null) {
            query.addCriteria(where("domain").is(domain));
        }
        page.after().ifPresent(after -> query.addCriteria(where("_id").gt(after)));
        return mongo.find(query, StandardDocument.class)
                .map(StandardDocument::standard)
                .collectList()
                .map(standards -> page.page(standards, Standard::code));
    }

    /**
     * Fails with a rule violation naming every steward, not among those it already had, that the
     * agency replica does not hold as an active agency. Stewards it already had are not checked
     * again, so that an agency leaving the register does not block every later change of its standards.
     */
    private Mono<Void> activeAgencies(Set<String> stewards, Set<String> alreadyStewards) {
        List<String> added = stewards.stream().filter(code -> !alreadyStewards.contains(code)).sorted().toList();
        if (added.isEmpty()) {
            return Mono.empty();
        }
        return agencies.statuses(added).flatMap(known -> {
            List<HubProblem.FieldError> errors = added.stream()
                    .filter(code -> known.get(code) != AgencyStatus.ACTIVE)
                    .map(code -> new HubProblem.FieldError("stewards", "'" + code + "' is "
                            + (known.containsKey(code) ? "an inactive agency" : "not an agency of the register")
                            + " (this service's copy of the register may be seconds behind it)"))
                    .toList();
            return errors.isEmpty() ? Mono.<Void>empty()
                    : Mono.error(new RuleViolationException(errors.get(0).message(), errors));
        });
    }

    private static Standard checked(Standard standard) {
        List<String> violations = standard.violations();
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.get(0),
                    violations.stream().map(v -> new HubProblem.FieldError("revisions", v)).toList());
        }
        return standard;
    }
}
