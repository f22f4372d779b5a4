package org.isecg.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

class OutboxCollectionsTest {

    @Test
    void theRelaySweepsTheCollectionOfEveryDocumentTypeThatCarriesAnOutboxAndNoOther() {
        OutboxCollections collections = new OutboxCollections(mappingContext(Set.of(Ship.class, Port.class, Log.class)));

        assertThat(collections.names()).containsExactly("ports", "ships");
        assertThat(collections.requireSwept(Ship.class)).isEqualTo("ships");
    }

    @Test
    void writingAnOutboxTheRelayDoesNotSweepIsRefusedBeforeAnythingIsWritten() {
        OutboxCollections collections = new OutboxCollections(mappingContext(Set.of(Ship.class)));

        assertThatThrownBy(() -> collections.requireSwept(Port.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ports").hasMessageContaining("does not sweep");
    }

    private static MongoMappingContext mappingContext(Set<Class<?>> documents) {
        MongoMappingContext context = new MongoMappingContext();
        // as the services store them: java.time values with the driver's codecs
        context.setSimpleTypeHolder(MongoCustomConversions
                .create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs)
                .getSimpleTypeHolder());
        context.setInitialEntitySet(documents);
        context.afterPropertiesSet();
        return context;
    }

    @Document("ships")
    record Ship(@Id String name, long version, List<OutboxEvent> outbox) implements OutboxAggregate {
    }

    @Document("ports")
    record Port(@Id String code, long version, List<OutboxEvent> outbox) implements OutboxAggregate {
    }

    /** Stored, but no aggregate with events. */
    @Document("log")
    record Log(@Id String id, String line) {
    }
}
