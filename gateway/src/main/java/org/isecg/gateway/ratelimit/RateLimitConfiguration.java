package org.isecg.gateway.ratelimit;

import org.isecg.gateway.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.ObjectMapper;

/** The rate limit's parts; off with {@code isecg.gateway.rate-limit.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "isecg.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    /** Swap this bean to count requests by another key, e.g. a validated token's client. */
    @Bean
    ClientKeyResolver clientKeyResolver(ObjectMapper json) {
        return new ClientKeyResolver(json);
    }

    @Bean
    RateLimitFilter rateLimitFilter(KeyResolver clients, RateLimitProperties policy, ProblemResponses problems) {
        return new RateLimitFilter(clients, policy, problems);
    }
}
