package org.isecg.identity.config;

import org.isecg.identity.agency.AgencyRegisterProperties;
import org.isecg.identity.agency.AgencyRegisterReader;
import org.isecg.identity.agency.AgencyStatuses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The agencies' statuses and, unless turned off, their reader from the register's topic. */
@Configuration(proxyBeanMethods = false)
class AgencyRegisterConfiguration {

    @Bean
    AgencyStatuses agencyStatuses() {
        return new AgencyStatuses();
    }

    @Bean
    @ConditionalOnBooleanProperty("isecg.identity.agency-register.enabled")
    AgencyRegisterReader agencyRegisterReader(AgencyRegisterProperties properties, AgencyStatuses statuses) {
        return new AgencyRegisterReader(properties, statuses);
    }
}
