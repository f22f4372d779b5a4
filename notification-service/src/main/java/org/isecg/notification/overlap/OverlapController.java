package org.isecg.notification.overlap;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.web.problem.NotFoundException;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/** The overlaps between agencies' plans: the shared picture, readable by every member. */
@RestController
@RequestMapping("/api/v1/overlaps")
@Tag(name = "overlaps", description = "Overlaps found between agencies' plans")
class OverlapController {

    private final ReactiveMongoOperations mongo;

    OverlapController(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/{overlapId}")
    @Operation(operationId = "getOverlap", summary = "Read one overlap")
    Mono<Overlap> get(@PathVariable String overlapId) {
        return mongo.findById(overlapId, OverlapDocument.class).map(Overlap::of)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("overlap", overlapId)));
    }

    @GetMapping
    @Operation(operationId = "listOverlaps", summary = "List overlaps in id order, optionally only one agency's, one kind or one state")
    Mono<Page<Overlap>> list(@RequestParam(required = false) String agency,
            @RequestParam(required = false) OverlapKind kind,
            @RequestParam(required = false) OverlapState state,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        PageRequest page = PageRequest.of(pageSize, pageToken);
        Criteria criteria = new Criteria();
        if (agency != null) {
            criteria.and("agencies").is(agency);
        }
        if (kind != null) {
            criteria.and("kind").is(kind);
        }
        if (state != null) {
            criteria.and("state").is(state);
        }
        page.after().ifPresent(after -> criteria.and("_id").gt(after));
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(page.fetchSize());
        return mongo.find(query, OverlapDocument.class).map(Overlap::of).collectList()
                .map(overlaps -> page.page(overlaps, Overlap::overlapId));
    }
}
