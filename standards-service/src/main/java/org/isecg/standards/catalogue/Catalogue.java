package org.isecg.standards.catalogue;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardRevision;
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
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * Publishes standards and moves them through their changes, each change with its events in one
 * conditional document write: the v1 event first (while the standard has a revision) and the v2 event
 * last, since a compacted topic keeps only the last event of a key and v2 readers rebuild from it.
 */
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
    Mono<Standard> publish(StandardRequests.PublishStandard request, Actor actor, IdempotentCreate<Standard> idempotency) {
        return Mono.fromCallable(() -> checked(Standard.publish(request.code(), request.details(),
                        request.standardRevisions(), clock.instant())))
                .flatMap(written -> activeAgencies(request.stewards(), Set.of()).thenReturn(written))
                .map(written -> StandardDocument.published(written.standard(),
                        writer.firstEvents(events(written, false), actor)))
                .flatMap(document -> writer.create(document, "standard", idempotency.recordFor(document.standard())))
                .map(StandardDocument::standard);
    }

    /** Replaces the standard's details; stewards it did not have must be active agencies. */
    Mono<Standard> changeDetails(String code, IfMatch ifMatch, StandardRequests.ChangeDetails request, Actor actor) {
        return change(code, ifMatch, actor, current -> activeAgencies(request.stewards(), current.stewards())
                .then(Mono.fromCallable(() -> current.withDetails(request.details(), clock.instant()))));
    }

    Mono<Standard> addRevision(String code, IfMatch ifMatch, StandardRequests.AddRevision request, Actor actor) {
        return Mono.fromCallable(() -> parametersChecked(request))
                .flatMap(draft -> change(code, ifMatch, actor,
                        current -> Mono.fromCallable(() -> current.withDraft(draft, clock.instant()))));
    }

    Mono<Standard> baseline(String code, String revision, IfMatch ifMatch, Actor actor) {
        return change(code, ifMatch, actor, current -> Mono.fromCallable(() -> current.baseline(revision, clock.instant())));
    }

    Mono<Standard> retire(String code, String revision, IfMatch ifMatch, Actor actor) {
        return change(code, ifMatch, actor, current -> Mono.fromCallable(() -> current.retire(revision, clock.instant())));
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

    /**
     * Standards in code order, optionally only those of a domain, of a steward, or with a revision in a
     * status (e.g. every standard that has a DRAFT under review).
     */
    Mono<Page<Standard>> list(InterfaceDomain domain, String steward, RevisionStatus status, PageRequest page) {
        Query query = new Query().with(Sort.by("_id")).limit(page.fetchSize());
        if (domain != null) {
            query.addCriteria(where("domain").is(domain));
        }
        if (steward != null) {
            query.addCriteria(where("stewards").is(steward));
        }
        if (status != null) {
            query.addCriteria(where("revisions.status").is(status));
        }
        page.after().ifPresent(after -> query.addCriteria(where("_id").gt(after)));
        return mongo.find(query, StandardDocument.class)
                .map(StandardDocument::standard)
                .collectList()
                .map(standards -> page.page(standards, Standard::code));
    }

    /** Writes what the transition makes of the standard read, if that read satisfies the If-Match. */
    private Mono<Standard> change(String code, IfMatch ifMatch, Actor actor,
            Function<Standard, Mono<Standard.Written>> transition) {
        return writer.change(StandardDocument.class, "standard", code, ifMatch, current -> {
                    Standard before = current.standard();
                    return transition.apply(before).map(written -> new AggregateWriter.Change(
                            StandardDocument.changedTo(written.standard()),
                            events(written, !before.revisions().isEmpty()), actor));
                })
                .map(StandardDocument::standard);
    }

    /** The write's events in publication order: the v1 twin, if any, then the v2 event. */
    private static List<DomainEvent> events(Standard.Written written, boolean hadRevisions) {
        List<DomainEvent> events = new ArrayList<>(2);
        written.standard().v1Twin(hadRevisions).ifPresent(events::add);
        events.add(written.event());
        return events;
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

    private static Standard.Written checked(Standard.Written written) {
        refuseIfAny(written.standard().violations());
        return written;
    }

    private static StandardRevision parametersChecked(StandardRequests.AddRevision request) {
        StandardRevision draft = request.draft();
        refuseIfAny(Standard.parameterViolations(draft.keyParameters(), "keyParameters"));
        return draft;
    }

    private static void refuseIfAny(List<HubProblem.FieldError> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.get(0).message(), violations);
        }
    }
}
