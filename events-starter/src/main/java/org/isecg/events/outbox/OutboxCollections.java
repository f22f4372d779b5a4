package org.isecg.events.outbox;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The collections whose documents carry an outbox, derived from the mapping context: every
 * {@code @Document} type of the service that is an {@link OutboxAggregate}. Spring Boot fills the
 * mapping context with the {@code @Document} types of the application's packages at start-up, so
 * the relay sweeps every outbox from its first sweep on, before any write; nothing to configure, and
 * so nothing to forget. A document type outside those packages would be missed: the writer refuses
 * to write one ({@link #requireSwept}), so the mistake shows on the first write, in the tests.
 */
public class OutboxCollections {

    private final MongoMappingContext mappingContext;
    private final List<String> swept;

    public OutboxCollections(MongoMappingContext mappingContext) {
        this.mappingContext = mappingContext;
        Set<String> names = new TreeSet<>();
        for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
            if (OutboxAggregate.class.isAssignableFrom(entity.getType())) {
                names.add(entity.getCollection());
            }
        }
        this.swept = List.copyOf(names);
    }

    /** The swept collections, in name order. */
    public List<String> names() {
        return swept;
    }

    /** The collection of an aggregate type. */
    public String of(Class<? extends OutboxAggregate> type) {
        return mappingContext.getRequiredPersistentEntity(type).getCollection();
    }

    /**
     * The collection of an aggregate type, which the relay must sweep.
     *
     * @throws IllegalStateException for a type the relay does not know, which would leave a
     *                               crashed publication unpublished forever
     */
    public String requireSwept(Class<? extends OutboxAggregate> type) {
        String collection = of(type);
        if (!swept.contains(collection)) {
            throw new IllegalStateException(type.getName() + " (collection '" + collection + "') has an outbox but "
                    + "the relay does not sweep it: annotate it with @Document and keep it in the application's "
                    + "packages, where Spring Boot finds the service's documents at start-up");
        }
        return collection;
    }
}
