package org.isecg.events.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * How every service uses MongoDB: a health check any wire-protocol server answers, and dates that
 * mean the same everywhere.
 *
 * <p>Stores {@code LocalDate} and {@code Instant} with the driver's codecs, which use UTC; Spring
 * Data's own converters use the JVM's default zone, so two services on machines in different zones
 * would disagree on what a stored plan window means.
 */
@AutoConfiguration(before = DataMongoReactiveAutoConfiguration.class)
public class MongoAutoConfiguration {

    /** Named as Boot's own contributor, which backs off in its favour. */
    @Bean
    MongoPingHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }
}
