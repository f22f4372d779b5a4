package org.isecg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventType;
import org.isecg.contracts.overlap.OverlapEvent;
import org.isecg.events.inbound.ProcessedEvents;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.CloudEventPublisher;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.events.outbox.OutboxEvents;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.ServiceIntegration;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every notifier IT works with: the roadmap topic it is fed from (written exactly as
 * roadmap-service's relay writes it), its HTTP API, and its own overlap topic.
 */
@ServiceIntegration
public abstract class NotifierContext {

    /** The consumers (the handlers' bean names in kebab case), as ProcessedEvents records them. */
    protected static final String DETECTION = "overlap-detector";
    protected static final String DELIVERY = "inbox-delivery";
    protected static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    @Autowired
    protected WebTestClient http;
    /** The same client without a token. */
    protected WebTestClient anonymous;
    @Autowired
    OutboxEvents outboxEvents;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    ProcessedEvents processed;

    @Autowired
    protected PublishedEvents events;

    /** Calls as a member agency (reads, and marking its inbox read). */
    @BeforeEach
    void withToken() {
        anonymous = http;
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().agency("ESA")).build();
    }

    /** The event wrapped as roadmap-service's outbox wraps it: a CloudEvent with a fresh id. */
    protected OutboxEvent wrapped(DomainEvent event) {
        return outboxEvents.wrap(event, Actor.service("roadmap-service"));
    }

    protected void publish(OutboxEvent event) {
        publisher.publish(event).join();
    }

    /** Publishes the plan event and waits until detection has handled it: what it concluded is then stored. */
    protected void detected(DomainEvent event) {
        OutboxEvent wrapped = wrapped(event);
        publish(wrapped);
        await().atMost(PATIENCE).until(() -> processed.seen(DETECTION, wrapped.eventId()));
    }

    /** Waits until the inboxes have received the overlap event of that type and version. */
    protected void delivered(EventType<? extends OverlapEvent> type, String overlapId, long version) {
        String eventId = events.awaitFirst(type, overlapId, event -> event.version() == version)
                .headers().get(CloudEventHeaders.ID);
        await().atMost(PATIENCE).until(() -> processed.seen(DELIVERY, eventId));
    }

    /** Every overlap that involves the agency, in id order. */
    protected List<Map<String, Object>> overlapsOf(String agency) {
        return http.get().uri("/api/v1/overlaps?agency={agency}&pageSize=200", agency).exchange()
                .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody().items();
    }

    /** The only overlap that involves the agency, once there is one. */
    protected Map<String, Object> awaitTheOverlapOf(String agency) {
        await().atMost(PATIENCE).until(() -> !overlapsOf(agency).isEmpty());
        List<Map<String, Object>> overlaps = overlapsOf(agency);
        assertThat(overlaps).hasSize(1);
        return overlaps.get(0);
    }

    protected Map<String, Object> overlap(String overlapId) {
        return http.get().uri("/api/v1/overlaps/{id}", overlapId).exchange()
                .expectStatus().isOk().expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    /**
     * One page of an agency's notifications, read with that agency's own token (an inbox is its
     * caller's); {@code query} is the query string without {@code ?}, may be empty.
     */
    protected Page inbox(String agency, String query) {
        return http.get().uri("/api/v1/notifications" + (query.isEmpty() ? "" : "?" + query))
                .headers(TestTokens.bearer(TestTokens.shared().agency(agency))).exchange()
                .expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
    }

    /** Every entry of an agency's inbox, newest first. */
    protected List<Map<String, Object>> inboxOf(String agency) {
        Page page = inbox(agency, "pageSize=200");
        assertThat(page.nextPageToken()).isNull();
        return page.items();
    }

    /** Marks the entry read with that agency's own token, with no body. */
    protected WebTestClient.ResponseSpec markRead(String agency, String entryId) {
        return http.post().uri("/api/v1/notifications/{entry}/read", entryId)
                .headers(TestTokens.bearer(TestTokens.shared().agency(agency))).exchange();
    }

    /** One page of a list. */
    public record Page(List<Map<String, Object>> items, String nextPageToken) {

        public Optional<String> next() {
            return Optional.ofNullable(nextPageToken);
        }
    }
}
