package org.isecg.events.outbox;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's view of the relay's parked events, on the management port:
 * {@code GET /actuator/outbox} lists them, {@code POST /actuator/outbox/{eventId}} re-queues one once
 * its cause is fixed (it goes to the end of its aggregate's outbox and is published from there).
 */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OutboxRelay relay;

    public OutboxEndpoint(OutboxRelay relay) {
        this.relay = relay;
    }

    /** This instance's lease identity and every parked event, oldest first. */
    @ReadOperation
    public Outbox outbox() {
        return new Outbox(relay.instanceId(), relay.parked().list());
    }

    /** Re-queues one parked event; null (404) if no event of that id is parked. */
    @WriteOperation
    public ParkedEvents.ParkedEvent requeue(@Selector String eventId) {
        ParkedEvents.ParkedEvent requeued = relay.parked().requeue(eventId);
        if (requeued != null) {
            relay.signal(requeued.collection(), requeued.aggregateId());
        }
        return requeued;
    }

    /**
     * What the endpoint shows.
     *
     * @param instanceId this instance's identity as a lease owner
     * @param parked     the parked events of every instance
     */
    public record Outbox(String instanceId, List<ParkedEvents.ParkedEvent> parked) {
    }
}
