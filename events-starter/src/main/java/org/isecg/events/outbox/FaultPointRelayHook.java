package org.isecg.events.outbox;

import java.util.Locale;

import org.isecg.events.faults.FaultPoints;

/**
 * The relay's points as fault points, named {@code outbox.<point>:<collection>} (e.g.
 * {@code outbox.before-publish:overlaps}), so that a crash test halts the relay of one collection
 * at one step of its work.
 */
final class FaultPointRelayHook implements RelayHook {

    private final FaultPoints faults;

    FaultPointRelayHook(FaultPoints faults) {
        this.faults = faults;
    }

    static String name(Point point, String collection) {
        return "outbox." + point.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + collection;
    }

    @Override
    public void at(Point point, String collection, Object id, String eventId) {
        faults.reach(name(point, collection));
    }
}
