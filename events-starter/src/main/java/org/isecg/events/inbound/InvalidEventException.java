package org.isecg.events.inbound;

/**
 * Thrown by an {@link EventHandler} that rejects a well-formed event it can never apply (it breaks
 * a rule the schema cannot express). Permanent: the event goes to the dead-letter topic at once with
 * this message as its reason, and can be replayed once the cause is fixed (see {@link DeadLetters}).
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
