package org.isecg.events.outbox;

import org.isecg.web.security.Caller;

/**
 * Who made a change: the client whose token the request carried and the agency it acts for. Every
 * event carries it as the CloudEvents extension attributes {@code actingclient} and
 * {@code actingagency}, and every aggregate's history records it (docs/security.md, "Who did it").
 *
 * @param client   the token's client, e.g. {@code NASA} or {@code secretariat}; for what a service
 *                 does of its own accord (an overlap the detector opens) the service's name
 * @param agency   the agency the client acts for, e.g. {@code NASA}; null for the secretariat, the
 *                 standards board, the operators and the services themselves
 * @param imported whether the client wrote the record on its owner's behalf ({@code hub.import}),
 *                 so that the history says who imported it
 */
public record Actor(String client, String agency, boolean imported) {

    public Actor {
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("an actor names its client");
        }
    }

    /** The caller of a request, acting for itself (or its agency). */
    public static Actor of(Caller caller) {
        return new Actor(caller.clientId(), caller.agency().orElse(null), false);
    }

    /** The caller of a request, writing a record on its owner's behalf. */
    public static Actor importing(Caller caller) {
        return new Actor(caller.clientId(), caller.agency().orElse(null), true);
    }

    /** A service acting of its own accord, on what it consumed rather than on a request. */
    public static Actor service(String name) {
        return new Actor(name, null, false);
    }
}
