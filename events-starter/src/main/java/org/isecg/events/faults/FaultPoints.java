package org.isecg.events.faults;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named places in a service's work where a crash test makes the process die, deterministically,
 * instead of aiming a {@code kill -9} by timing. Reaching an armed point logs one ERROR line naming
 * it and halts the JVM ({@link Runtime#halt}): no shutdown hooks, no graceful stop, nothing
 * flushed or released, as after a {@code kill -9}. Reaching a point that is not armed does nothing;
 * with {@code isecg.faults.halt-at} unset no point is armed.
 */
public final class FaultPoints {

    /** The exit status of a JVM halted at a fault point; a test tells it from any other death by it. */
    public static final int HALT_STATUS = 99;

    private static final Logger log = LoggerFactory.getLogger(FaultPoints.class);

    private final Set<String> armed;
    private final IntConsumer halter;

    /** The points named in {@code isecg.faults.halt-at}, halting the JVM. */
    public FaultPoints(FaultProperties properties) {
        this(properties.haltAt(), status -> Runtime.getRuntime().halt(status));
    }

    /**
     * @param haltAt the armed points
     * @param halter what halting means: {@link Runtime#halt} outside this starter's tests
     */
    public FaultPoints(Collection<String> haltAt, IntConsumer halter) {
        this.armed = Set.copyOf(haltAt);
        this.halter = halter;
        if (!armed.isEmpty()) {
            log.warn("fault points armed: this process halts at {} (isecg.faults.halt-at); for crash tests only",
                    new TreeSet<>(armed));
        }
    }

    /** Halts the JVM if {@code point} is armed; otherwise does nothing. */
    public void reach(String point) {
        if (armed.contains(point)) {
            log.error("fault point {} reached: halting the JVM with status {} (isecg.faults.halt-at)", point,
                    HALT_STATUS);
            halter.accept(HALT_STATUS);
        }
    }

    /** Whether any point is armed. */
    public boolean anyArmed() {
        return !armed.isEmpty();
    }
}
