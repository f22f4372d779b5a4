package org.isecg.web.idempotency;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The caller of a key (the validated token's client) and this instance's keys in flight. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class IdempotencyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CallerResolver callerResolver() {
        return CallerResolver.tokenClient();
    }

    @Bean
    InFlightKeys inFlightKeys() {
        return new InFlightKeys();
    }
}
