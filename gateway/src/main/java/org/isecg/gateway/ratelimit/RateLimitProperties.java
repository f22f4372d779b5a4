package org.isecg.gateway.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The per-client rate limit, a token bucket per client in this instance's memory: {@code burst}
 * requests at once, refilled at {@code rate} requests per {@code period}. With N gateway instances
 * behind a load balancer that is not sticky by client, a client may get up to N times this
 * (docs/gateway.md).
 *
 * @param enabled    off only for benchmarks that drive the gateway from one address
 * @param rate       requests per period, in the long run
 * @param period     the period of {@code rate}
 * @param burst      the bucket's size: requests a client may send at once after a quiet spell
 * @param maxClients the most clients whose buckets are held; past it the least recently seen go first
 */
@Validated
@ConfigurationProperties("isecg.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Positive @DefaultValue("100") long rate,
        @NotNull @DefaultValue("1s") Duration period,
        @Positive @DefaultValue("200") long burst,
        @Positive @DefaultValue("100000") long maxClients) {

    /** How long an idle bucket takes to fill up: after that it is as good as a new one, and can go. */
    Duration timeToFill() {
        return period.multipliedBy(burst).dividedBy(rate).plus(period);
    }

    /** The policy in words, for the 429's detail. */
    String describe() {
        return rate + " requests per " + period.toString().substring(2).toLowerCase() + ", bursts of " + burst;
    }
}
