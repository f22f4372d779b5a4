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
 */
public record HttpSettings(Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration initialBackoff,
        Duration maxBackoff) {

    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 but is " + maxAttempts);
        }
    }

    /** 5 s to connect, 15 s per answer, 5 tries with pauses of 0.5, 1, 2 and 4 s (at most 8 s each). */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 5, Duration.ofMillis(500),
                Duration.ofSeconds(8));
    }

    public HttpSettings withBackoff(Duration initial, Duration max) {
        return new HttpSettings(connectTimeout, requestTimeout, maxAttempts, initial, max);
    }

    public HttpSettings withRequestTimeout(Duration timeout) {
        return new HttpSettings(connectTimeout, timeout, maxAttempts, initialBackoff, maxBackoff);
    }
}
