package org.isecg.support.inbound;

/**
 * What a service does with one consumed event. It must be safe to run twice for the same event
 * (a crash after handling but before the event is marked processed runs it again), which
 * projections get by applying only versions newer than the one they hold.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope<?> event);
}
