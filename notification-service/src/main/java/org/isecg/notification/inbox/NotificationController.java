package org.isecg.notification.inbox;

import java.time.Instant;

import org.isecg.web.body.NoBody;
import org.isecg.web.problem.InvalidRequestException;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** An agency's inbox, newest first. */
@RestController
@RequestMapping("/api/v1/inboxes/{agency}")
@Tag(name = "inbox", description = "Each agency's notifications of overlaps that involve it")
class InboxController {

    private final ReactiveMongoOperations mongo;

    InboxController(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    @Operation(operationId = "listInbox", summary = "List an agency's inbox, newest first, a page at a time")
    Mono<Page<InboxEntry>> list(@PathVariable String agency,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        PageRequest page = PageRequest.of(pageSize, pageToken);
        Criteria criteria = Criteria.where("agency").is(agency);
        if (unreadOnly) {
            criteria.and("read").is(false);
        }
        page.after().ifPresent(after -> criteria.andOperator(olderThan(after)));
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("_id")))
                .limit(page.fetchSize());
        return mongo.find(query, InboxEntry.class).collectList()
                .map(entries -> page.page(entries, entry -> entry.receivedAt().toEpochMilli() + "|" + entry.entryId()));
    }

    @PostMapping("/entries/{entryId}/read")
    @Operation(operationId = "markInboxEntryRead", summary = "Mark an entry read",
            description = "Takes no body; one with fields is refused.")
    Mono<ResponseEntity<Void>> markRead(@PathVariable String agency, @PathVariable String entryId,
            @RequestBody(required = false) NoBody none) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(entryId).and("agency").is(agency)),
                        Update.update("read", true), InboxEntry.class)
                .flatMap(result -> result.getMatchedCount() == 0
                        ? Mono.error(new NotFoundException("inbox entry", entryId))
                        : Mono.just(ResponseEntity.noContent().<Void>build()));
    }

    /** The entries after a page's last one in (receivedAt, id) descending order. */
    private static Criteria olderThan(String sortKey) {
        int separator = sortKey.indexOf('|');
        try {
            Instant receivedAt = Instant.ofEpochMilli(Long.parseLong(sortKey.substring(0, separator)));
            String entryId = sortKey.substring(separator + 1);
            return new Criteria().orOperator(
                    Criteria.where("receivedAt").lt(receivedAt),
                    Criteria.where("receivedAt").is(receivedAt).and("_id").lt(entryId));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("pageToken", "pageToken is not one this service issued");
        }
    }
}
