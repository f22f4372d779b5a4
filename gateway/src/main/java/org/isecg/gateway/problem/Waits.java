package org.isecg.gateway.problem;

import java.time.Duration;

/** Waits as a client reads them in {@code Retry-After}; sizes are web-starter's {@code Limits}. */
final class Waits {

    private Waits() {
    }

    /** Rounded up, and at least 1: {@code Retry-After: 0} would invite the retry that fails again. */
    static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
