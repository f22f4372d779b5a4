package org.isecg.notification.plans;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.PlanContent;
import org.isecg.contracts.roadmap.PlanEvent;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.isecg.notification.detection.PlanSnapshot;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The plans as their events describe them, one document per plan at the latest version seen.
 * Blocking: it runs on the binder's consumer threads.
 */
@Component
public class PlanProjection {

    static final String COLLECTION = "plan_snapshots";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ReactiveMongoOperations mongo;

    PlanProjection(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
        // Real MongoDB uses it for candidate queries; the embedded server accepts and ignores it.
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("destination", Sort.Direction.ASC).on("active", Sort.Direction.ASC)
                .on("capabilities", Sort.Direction.ASC).on("start", Sort.Direction.ASC)).subscribe();
    }

    /**
     * Applies the event if it is newer than what the projection holds; an older or repeated one
     * changes nothing. Returns whether it applied.
     */
    public boolean apply(PlanEvent event) {
        Update update = new Update().set("version", event.version()).set("ownerAgency", event.ownerAgency());
        if (event instanceof PlanContent content) {
            update.set("title", content.title())
                    .set("destination", content.destination())
                    .set("region", content.region())
                    .set("capabilities", content.capabilities())
                    .set("start", content.start())
                    .set("end", content.end())
                    .set("status", content.status())
                    .set("partners", content.partners())
                    .set("conformsTo", content.conformsTo())
                    .set("dependsOn", content.dependsOn())
                    .set("withdrawn", false)
                    .set("active", content.status().isActive());
        } else if (event instanceof PlanWithdrawn) {
            update.set("withdrawn", true).set("active", false);
        }
        try {
            // matches only an older version; when a newer one is stored the upsert collides on _id
            mongo.upsert(query(where("_id").is(event.planId()).and("version").lt(event.version())),
                    update, COLLECTION).block(TIMEOUT);
            return true;
        } catch (DuplicateKeyException newerAlreadyApplied) {
            return false;
        }
    }

    public Optional<PlanSnapshot> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, PlanDocument.class, COLLECTION).block(TIMEOUT))
                .map(PlanDocument::snapshot);
    }

    public List<PlanSnapshot> findAll(Collection<String> planIds) {
        return mongo.find(query(where("_id").in(planIds)), PlanDocument.class, COLLECTION)
                .map(PlanDocument::snapshot).collectList().block(TIMEOUT);
    }

    /**
     * The active plans of other owners at the plan's destination whose windows overlap its window
     * and that have one of the given capabilities: a superset of the plans the rules can pair it
     * with, read through the index, not a scan of every plan.
     */
    public List<PlanSnapshot> candidates(PlanSnapshot plan, Set<Capability> capabilities) {
        if (capabilities.isEmpty()) {
            return List.of();
        }
        Query candidates = query(where("destination").is(plan.destination())
                .and("active").is(true)
                .and("capabilities").in(capabilities)
                .and("start").lte(plan.end())
                .and("end").gte(plan.start())
                .and("_id").ne(plan.planId())
                .and("ownerAgency").ne(plan.ownerAgency()));
        return mongo.find(candidates, PlanDocument.class, COLLECTION).map(PlanDocument::snapshot)
                .collectList().block(TIMEOUT);
    }
}
