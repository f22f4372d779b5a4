package org.isecg.notification.inbox;

import java.time.Instant;

import org.isecg.web.problem.InvalidRequestException;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/**
 * The inboxes as their agencies read them. Every query names the agency whose inbox it is, so that an
 * entry of another agency is never read or changed, only not found, even by its (guessable) id.
 */
@Service
class Inbox {

    private final ReactiveMongoOperations mongo;

    Inbox(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A page of the agency's inbox, newest first; {@code unreadOnly} leaves out the entries marked read. */
    Mono<Page<Notification>> page(String agency, boolean unreadOnly, PageRequest page) {
        Criteria criteria = Criteria.where("agency").is(agency);
        if (unreadOnly) {
            criteria.and("read").is(false);
        }
        page.after().ifPresent(after -> criteria.andOperator(olderThan(after)));
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.desc("_id")))
                .limit(page.fetchSize());
        return mongo.find(query, InboxEntry.class).map(Notification::of).collectList()
                .map(entries -> page.page(entries, entry -> entry.receivedAt().toEpochMilli() + "|" + entry.entryId()));
    }

    /**
     * Marks the agency's entry read. Another agency's entry is answered exactly as one that does not
     * exist, so that an inbox does not even confirm that another agency has that entry.
     */
    Mono<Void> markRead(String agency, String entryId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(entryId).and("agency").is(agency)),
                        Update.update("read", true), InboxEntry.class)
                .flatMap(result -> result.getMatchedCount() == 0
                        ? Mono.error(new NotFoundException("notification", entryId))
                        : Mono.empty());
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
