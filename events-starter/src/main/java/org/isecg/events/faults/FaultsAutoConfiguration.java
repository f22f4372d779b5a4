package org.isecg.events.faults;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The fault points of this service, none armed unless {@code isecg.faults.halt-at} names some. */
@AutoConfiguration
@EnableConfigurationProperties(FaultProperties.class)
public class FaultsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FaultPoints faultPoints(FaultProperties properties) {
        return new FaultPoints(properties);
    }
}
