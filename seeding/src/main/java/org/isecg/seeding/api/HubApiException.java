package org.isecg.seeding.api;

/** A request that got no usable answer: the deployment was unreachable or kept failing, or refused the client. */
public class HubApiException extends RuntimeException {

    public HubApiException(String message) {
        super(message);
    }

    public HubApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
