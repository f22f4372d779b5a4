package org.isecg.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;

/** The bookkeeping of handled events stays bounded on a store that ignores TTL indexes, as the embedded one does. */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@EmbeddedInfrastructure
class ProcessedEventsPurgeIT {

    @Autowired
    ProcessedEvents processed;
    @Autowired
    ProcessedEventsPurge purge;
    @Autowired
    ReactiveMongoOperations mongo;

    @Test
    void idsOlderThanTheRetentionAreForgottenAndRecentOnesAreKept() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", "purge-test/" + old)
                .append("at", Date.from(Instant.now().minus(Duration.ofDays(8)))), ProcessedEvents.COLLECTION).block();
        processed.record("purge-test", recent);
        assertThat(processed.seen("purge-test", old)).isTrue();

        long forgotten = purge.purgeNow();

        assertThat(forgotten).isGreaterThanOrEqualTo(1);
        assertThat(processed.seen("purge-test", old)).isFalse();
        assertThat(processed.seen("purge-test", recent)).isTrue();
    }
}
