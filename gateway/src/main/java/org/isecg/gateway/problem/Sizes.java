package org.isecg.gateway.problem;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/** Limits and waits as a client reads them in a problem's detail and in {@code Retry-After}. */
final class Sizes {

    private Sizes() {
    }

    /** {@code 1 MiB (1048576 bytes)}, {@code 16 KiB (16384 bytes)}, {@code 1000 bytes}. */
    static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }

    /** Rounded up, and at least 1: {@code Retry-After: 0} would invite the retry that fails again. */
    static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
