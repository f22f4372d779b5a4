package org.isecg.support.persistence;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Stores {@code LocalDate} and {@code Instant} with the driver's codecs, which use UTC; Spring
 * Data's own converters use the JVM's default zone, so two services on machines in different zones
 * would disagree on what a stored plan window means.
 */
@AutoConfiguration(before = DataMongoReactiveAutoConfiguration.class)
public class MongoMappingAutoConfiguration {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
    }
}
