package org.isecg.events.inbound;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's view of the dead letters, on the management port: {@code GET /actuator/deadletters}
 * lists per input binding how many dead letters its topic holds and how many no replay has sent
 * back; {@code POST /actuator/deadletters/{consumer}} replays those of one binding (see
 * {@link DeadLetters}). Replaying twice changes nothing: a replay sends only what no earlier one
 * sent, and a consumer skips an event it has handled.
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;

    public DeadLettersEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @ReadOperation
    public List<DeadLetters.Pending> deadLetters() {
        return deadLetters.pending();
    }

    /** Replays the dead letters of one consumer, e.g. {@code notifier-plans}. */
    @WriteOperation
    public DeadLetters.Replay replay(@Selector String consumer) {
        return deadLetters.replay(consumer);
    }
}
