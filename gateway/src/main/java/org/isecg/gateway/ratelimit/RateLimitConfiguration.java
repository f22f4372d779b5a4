package org.isecg.gateway.ratelimit;

import org.isecg.web.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate limit's parts; off with {@code isecg.gateway.rate-limit.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "isecg.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    /** Requests count against the validated token's client; swap this bean to count by another key. */
    @Bean
    ClientKeyResolver clientKeyResolver() {
        return new ClientKeyResolver();
    }

    @Bean
    RateLimitFilter rateLimitFilter(KeyResolver clients, RateLimitProperties policy, ProblemResponses problems) {
        return new RateLimitFilter(clients, policy, problems);
    }
}
