package org.isecg.seeding.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the tool is with a deployment: every request is bounded in time, and a request that meets a
 * connection failure, a 5xx or a 429 is tried again after a growing pause, a bounded number of times.
 *
 * @param connectTimeout how long a connection may take to open
 * @param requestTimeout how long one answer may take
 * @param maxAttempts    tries of one request in all, the first included
 * @param initialBackoff the pause before the second try; it doubles each time
 * @param maxBackoff     the longest pause, also for a {@code Retry-After} that asks for more
 * @param replicaLag     how long a write is tried again, with the same back-off, that the deployment refuses
 *                       because a replica it checks against has not caught up yet (the standards' stewards,
 *                       right after the agencies were seeded); then it is reported as failed
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff, Duration replicaLag) {

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(replicaLag, "replicaLag");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but is " + maxAttempts);
        }
    }

    /**
     * 5 s to connect, 15 s per answer, 5 tries with pauses of 0.5, 1, 2 and 4 s (at most 8 s each); a replica
     * lag of 30 s, ample for replicas that trail by seconds.
     */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 5, Duration.ofMillis(500),
                Duration.ofSeconds(8), Duration.ofSeconds(30));
    }

    public HttpSettings withBackoff(Duration initial, Duration max) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, initial, max, replicaLag);
    }

    public HttpSettings withRequestTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxAttempts, initialBackoff, maxBackoff, replicaLag);
    }

    public HttpSettings withReplicaLag(Duration lag) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, initialBackoff, maxBackoff, lag);
    }
}
