package org.isecg.localstack;

import java.util.Optional;

/**
 * A Java agent that ends its JVM when the launcher that started it is gone, so that no service
 * outlives the local stack, not even after a {@code kill -9} of the launcher. {@link ServiceProcess}
 * attaches it to every child; the services themselves know nothing of it.
 *
 * <p>Depends on the JDK only: it is loaded from a jar of its own, alone, before the service.
 */
public final class ParentWatchAgent {

    /** The launcher's pid, which {@link ServiceProcess} gives every child. */
    static final String PARENT_PID_VARIABLE = "ISECG_PARENT_PID";

    private ParentWatchAgent() {
    }

    public static void premain(String arguments) {
        String parentPid = System.getenv(PARENT_PID_VARIABLE);
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.strip()));
        Thread watch = new Thread(() -> {
            parent.ifPresent(handle -> handle.onExit().join());
            System.err.println("parent-watch: launcher pid " + parentPid + " is gone, stopping this service");
            // exit, not halt: shutdown hooks run, so the service closes its clients cleanly
            System.exit(0);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
