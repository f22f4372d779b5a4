package org.isecg.events.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RelayHook} for tests: records every point a relay passes and runs the action a test put
 * at a point for one event, once: throw (a crash), block on a latch (a pause), or anything else.
 */
final class RelayFaults implements RelayHook {

    /** Thrown by a hook to stand for the death of the process: an Error, so the relay does not clean up. */
    static final class Crash extends Error {
        Crash(String where) {
            super("simulated crash " + where);
        }
    }

    record Passed(Point point, String eventId) {
    }

    final List<Passed> passed = new CopyOnWriteArrayList<>();
    private final Map<Passed, Runnable> actions = new ConcurrentHashMap<>();

    RelayFaults at(Point point, String eventId, Runnable action) {
        actions.put(new Passed(point, eventId), action);
        return this;
    }

    @Override
    public void at(Point point, String collection, Object id, String eventId) {
        Passed here = new Passed(point, eventId);
        passed.add(here);
        Runnable action = actions.remove(here);
        if (action != null) {
            action.run();
        }
    }

    List<String> eventsAt(Point point) {
        return passed.stream().filter(step -> step.point() == point).map(Passed::eventId).toList();
    }
}
