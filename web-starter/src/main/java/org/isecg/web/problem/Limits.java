package org.isecg.web.problem;

import org.springframework.util.unit.DataSize;

/** A limit as a client reads it in a problem's detail, the same from the gateway and from every service. */
public final class Limits {

    private Limits() {
    }

    /** {@code 1 MiB (1048576 bytes)}, {@code 16 KiB (16384 bytes)}, {@code 1000 bytes}. */
    public static String describe(DataSize size) {
        long bytes = size.toBytes();
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB (" + bytes + " bytes)";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB (" + bytes + " bytes)";
        }
        return bytes + " bytes";
    }
}
