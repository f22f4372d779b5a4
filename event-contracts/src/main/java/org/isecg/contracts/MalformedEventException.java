package org.isecg.contracts;

/**
 * Event data that cannot be read as its declared type. Retrying will not help: consumers send it
 * straight to their dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String type, Throwable cause) {
        super("malformed data for event type " + type + ": " + cause.getMessage(), cause);
    }
}
