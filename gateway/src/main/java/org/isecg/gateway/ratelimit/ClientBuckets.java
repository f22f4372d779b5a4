package org.isecg.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One Bucket4j token bucket per client, held in a bounded Caffeine cache: a bucket idle for as long
 * as it takes to fill up is dropped (a new one would be the same), and at most {@code maxClients}
 * are held, so clients that keep changing keys cannot exhaust the gateway's memory.
 */
final class ClientBuckets {

    private final RateLimitProperties policy;
    private final Cache<String, Bucket> buckets;

    ClientBuckets(RateLimitProperties policy) {
        this.policy = policy;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(policy.timeToFill())
                .maximumSize(policy.maxClients())
                .build();
    }

    /** Takes one permit from the client's bucket; empty when granted, else the wait until the next one. */
    Optional<Duration> take(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(policy.burst()).refillGreedy(policy.rate(), policy.period()))
                .build();
    }
}
