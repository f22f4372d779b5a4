package org.isecg.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident set size of a process, read from Linux's {@code /proc/<pid>/status}. */
final class ResidentMemory {

    private ResidentMemory() {
    }

    /** VmRSS of {@code pid} in KiB, or 0 when the process is gone (or this is not Linux). */
    static long ofPid(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try (var lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .findFirst()
                    .map(ResidentMemory::parseKb)
                    .orElse(0L);
        } catch (IOException | UncheckedIOException e) {
            return 0L;
        }
    }

    /** VmRSS of this JVM in KiB. */
    static long ofThisProcess() {
        return ofPid(ProcessHandle.current().pid());
    }

    /** Parses a line such as {@code VmRSS:\t  123456 kB}. */
    static long parseKb(String vmRssLine) {
        String value = vmRssLine.substring("VmRSS:".length()).trim();
        int space = value.indexOf(' ');
        return Long.parseLong(space < 0 ? value : value.substring(0, space));
    }
}
