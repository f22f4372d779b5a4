package org.isecg.agency.register;

import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.History;
import org.isecg.events.web.IdempotentCreate;
import org.isecg.web.problem.ConflictException;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.problem.RuleViolationException;
import org.isecg.web.resource.IfMatch;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Registers agencies and changes their entries, each change with its event in one document write. */
@Service
class AgencyRegister {

    private final ReactiveMongoOperations mongo;
    private final AggregateWriter writer;
    private final Clock clock;

    AgencyRegister(ReactiveMongoOperations mongo, AggregateWriter writer, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.clock = clock;
    }

    /** Registers the agency, under the request's idempotency key if it has one. */
    Mono<Agency> register(Agency agency, Actor actor, IdempotentCreate<Agency> idempotency) {
        return Mono.fromCallable(() -> {
                    checkRules(agency);
                    return AgencyDocument.registered(agency, now(), writer.firstEvent(agency.registered(), actor));
                })
                .flatMap(document -> writer.create(document, "agency", idempotency.recordFor(document.agency())))
                .map(AgencyDocument::agency);
    }

    /** Replaces the entry if its current version satisfies the client's If-Match; its status stays as it is. */
    Mono<Agency> update(String code, IfMatch ifMatch, AgencyRequests.UpdateAgency request, Actor actor) {
        return writer.change(AgencyDocument.class, "agency", code, ifMatch, current -> Mono.fromCallable(() -> {
                    Agency changed = request.agency(current.agency(), now());
                    checkRules(changed);
                    return new AggregateWriter.Change(new Update()
                            .set("name", changed.name())
                            .set("countries", changed.countries())
                            .set("kind", changed.kind())
                            .set("membership", changed.membership())
                            .set("memberSince", changed.memberSince())
                            .set("contactEmail", changed.contactEmail())
                            .set("website", changed.website())
                            .set("updatedAt", changed.updatedAt()),
                            changed.updated(), actor);
                }))
                .map(AgencyDocument::agency);
    }

    /** Makes an active agency inactive: it stays in the register, named by plans, but may be named in no new one. */
    Mono<Agency> deactivate(String code, IfMatch ifMatch, String reason, Actor actor) {
        return changeStatus(code, ifMatch, AgencyStatus.INACTIVE, actor, agency -> agency.deactivated(reason));
    }

    /** Makes an inactive agency active again. */
    Mono<Agency> reactivate(String code, IfMatch ifMatch, String reason, Actor actor) {
        return changeStatus(code, ifMatch, AgencyStatus.ACTIVE, actor, agency -> agency.reactivated(reason));
    }

    private Mono<Agency> changeStatus(String code, IfMatch ifMatch, AgencyStatus target, Actor actor,
            Function<Agency, DomainEvent> event) {
        return writer.change(AgencyDocument.class, "agency", code, ifMatch, current -> Mono.fromCallable(() -> {
                    Agency agency = current.agency();
                    if (agency.status() == target) {
                        // a repeated deactivation is not a no-op: the client believes the agency was active
                        throw new ConflictException("agency '" + code + "' is already " + target.name().toLowerCase(Locale.ROOT));
                    }
                    Agency changed = agency.withStatus(target, agency.version() + 1, now());
                    return new AggregateWriter.Change(new Update()
                            .set("status", changed.status())
                            .set("updatedAt", changed.updatedAt()),
                            event.apply(changed), actor);
                }))
                .map(AgencyDocument::agency);
    }

    /** Each version of the entry: who made it, when, with which event. */
    Mono<History> history(String code) {
        return writer.history(AgencyDocument.class, code)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("agency", code)));
    }

    Mono<Agency> find(String code) {
        return mongo.findById(code, AgencyDocument.class)
                .map(AgencyDocument::agency)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("agency", code)));
    }

    /** The register in code order, only the entries that match every filter given. */
    Mono<Page<Agency>> list(AgencyFilter filter, PageRequest page) {
        Criteria criteria = filter.criteria();
        page.after().ifPresent(after -> criteria.and("_id").gt(after));
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(page.fetchSize());
        return mongo.find(query, AgencyDocument.class)
                .map(AgencyDocument::agency)
                .collectList()
                .map(agencies -> page.page(agencies, Agency::code));
    }

    /** Now, to the millisecond: as precise as MongoDB stores it, so an answer says what a later read will. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void checkRules(Agency agency) {
        List<Violation> violations = agency.violations(Year.now(clock).getValue());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.get(0).field() + " " + violations.get(0).message(),
                    violations.stream().map(v -> new HubProblem.FieldError(v.field(), v.message())).toList());
        }
    }
}
