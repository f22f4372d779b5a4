package org.isecg.agency.register;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Year;
import java.util.List;

import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.History;
import org.isecg.events.web.IdempotentCreate;
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
                    return AgencyDocument.registered(agency, clock.instant(), writer.firstEvent(agency.registered(), actor));
                })
                .flatMap(document -> writer.create(document, "agency", idempotency.recordFor(document.agency())))
                .map(AgencyDocument::agency);
    }

    /** Replaces the entry if its current version satisfies the client's If-Match. */
    Mono<Agency> update(String code, IfMatch ifMatch, AgencyRequests.UpdateAgency request, Actor actor) {
        return writer.change(AgencyDocument.class, "agency", code, ifMatch, current -> Mono.fromCallable(() -> {
                    Agency changed = request.agency(code, current.version() + 1);
                    checkRules(changed);
                    return new AggregateWriter.Change(new Update()
                            .set("name", changed.name())
                            .set("countries", changed.countries())
                            .set("kind", changed.kind())
                            .set("membership", changed.membership())
                            .set("memberSince", changed.memberSince())
                            .set("contactEmail", changed.contactEmail())
                            .set("status", changed.status())
                            .set("updatedAt", clock.instant()),
                            changed.updated(), actor);
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

    /** The register in code order. */
    Mono<Page<Agency>> list(PageRequest page) {
        Query query = new Query().with(Sort.by("_id")).limit(page.fetchSize());
        page.after().ifPresent(after -> query.addCriteria(where("_id").gt(after)));
        return mongo.find(query, AgencyDocument.class)
                .map(AgencyDocument::agency)
                .collectList()
                .map(agencies -> page.page(agencies, Agency::code));
    }

    private void checkRules(Agency agency) {
        List<Violation> violations = agency.violations(Year.now(clock).getValue());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.get(0).field() + " " + violations.get(0).message(),
                    violations.stream().map(v -> new HubProblem.FieldError(v.field(), v.message())).toList());
        }
    }
}
