package org.isecg.events.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * Mongo health by {@code ping}, which every server that speaks the wire protocol answers. Boot's
 * own indicator sends {@code hello}, which the embedded server of the local stack does not know,
 * so every service there would report itself down.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase().flatMap(database -> Mono.from(database.runCommand(new Document("ping", 1)))
                .map(answer -> builder.up().withDetail("database", database.getName()).build()));
    }
}
