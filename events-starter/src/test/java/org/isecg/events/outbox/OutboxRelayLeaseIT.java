package org.isecg.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.events.outbox.RelayHook.Point;
import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.events.testapp.SupportTestApplication.TestAgency;
import org.isecg.events.tracing.EventTracing;
import org.isecg.testsupport.EmbeddedServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The lease of two relay instances over the same documents, forced at each window by a fault hook
 * and a clock the test moves, on this JVM's Mongo wire-protocol server. The publisher only records
 * what it is asked to send, in one shared "topic", so the order across both relays is exact.
 *
 * <p>Without the fixes these fail as follows. Fencing: the removal was a {@code $pull} filtered on
 * the document id only, so the paused relay's removal succeeded (no {@code FENCED} step, the fenced
 * counter stays 0) and it went on to send e2 and e3 after the relay that took over (the topic reads
 * e1 e1 e2 e3 e2 e3, not e1 e1 e2 e3). Renewal: the lease was never extended, so the second relay
 * claimed it 1.2 leases after the first claim and sent e2 while the first was about to (the second
 * relay's sent list is [e2], not empty). Reclaim: the claim accepted only a free or expired lease and
 * the owner was a random UUID per start, so the restarted instance claimed nothing and e1 stayed in
 * the outbox.
 */
class OutboxRelayLeaseIT {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String COLLECTION = SupportTestApplication.COLLECTION;

    private final MongoClient client = MongoClients.create(EmbeddedServers.shared().mongoConnectionString());
    private final ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client,
            "lease-" + UUID.randomUUID().toString().substring(0, 8));
    private final MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final OutboxEvents outboxEvents = new OutboxEvents("/hub/lease-test", clock,
            new EventTracing(Tracer.NOOP, Propagator.NOOP));
    /** What reached the "broker", from either relay, in order. */
    private final List<String> topic = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRelayWhoseLeaseWasTakenOverWhileItPublishedRemovesNothingAndEveryEventIsPublishedInOrder()
            throws Exception {
        // given a document with three pending events, and relay A paused after its publication of the first
        String code = code();
        List<OutboxEvent> events = store(code, 3);
        String e1 = events.get(0).eventId();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        RelayFaults aFaults = new RelayFaults().at(Point.AFTER_PUBLISH, e1, () -> {
            paused.countDown();
            await(resume);
        });
        Recording aSent = new Recording();
        Recording bSent = new Recording();
        SimpleMeterRegistry aMeters = new SimpleMeterRegistry();
        OutboxRelay a = relay("relay-a", aSent, aFaults, aMeters);
        RelayFaults bFaults = new RelayFaults();
        OutboxRelay b = relay("relay-b", bSent, bFaults, new SimpleMeterRegistry());
        CompletableFuture<Void> aRelaying = CompletableFuture.runAsync(() -> a.relay(COLLECTION, code));
        await(paused);

        // when A's lease expires and B takes the document over, publishes and removes everything
        clock.advance(LEASE.plusSeconds(1));
        b.relay(COLLECTION, code);
        resume.countDown();
        aRelaying.get(10, TimeUnit.SECONDS);

        // then A's removal was refused, A published nothing more, and the topic has every event in order
        assertThat(aFaults.eventsAt(Point.FENCED)).containsExactly(e1);
        assertThat(aFaults.eventsAt(Point.REMOVED)).isEmpty();
        assertThat(aMeters.get("isecg.outbox.fenced").counter().count()).isEqualTo(1);
        assertThat(aSent.ids).containsExactly(e1);
        assertThat(bSent.ids).containsExactlyElementsOf(ids(events));
        assertThat(firstOccurrences(topic)).containsExactlyElementsOf(ids(events));
        assertThat(bFaults.eventsAt(Point.REMOVED)).containsExactlyElementsOf(ids(events));
        assertThat(outboxOf(code)).isEmpty();
        assertThat(leaseOf(a, code)).as("B released its lease, and A had none to release").isNull();
    }

    @Test
    void aPublicationLongerThanTheLeaseRenewsItSoNoOtherInstanceGetsIn() {
        // given a document with two events; relay A takes 0.6 lease over each step
        String code = code();
        List<OutboxEvent> events = store(code, 2);
        Recording bSent = new Recording();
        OutboxRelay b = relay("relay-b", bSent, RelayHook.NONE, new SimpleMeterRegistry());
        Duration slow = LEASE.multipliedBy(6).dividedBy(10);
        RelayFaults aFaults = new RelayFaults()
                .at(Point.AFTER_PUBLISH, events.get(0).eventId(), () -> clock.advance(slow))
                .at(Point.BEFORE_PUBLISH, events.get(1).eventId(), () -> {
                    // when, 1.2 leases after A's claim, B tries to take the document
                    clock.advance(slow);
                    b.relay(COLLECTION, code);
                });
        Recording aSent = new Recording();
        OutboxRelay a = relay("relay-a", aSent, aFaults, new SimpleMeterRegistry());

        a.relay(COLLECTION, code);

        // then A renewed its lease in time: B sent nothing, A sent and removed both, in order
        assertThat(bSent.ids).isEmpty();
        assertThat(aSent.ids).containsExactlyElementsOf(ids(events));
        assertThat(topic).containsExactlyElementsOf(ids(events));
        assertThat(aFaults.eventsAt(Point.FENCED)).isEmpty();
        assertThat(outboxOf(code)).isEmpty();
    }

    @Test
    void anInstanceThatRestartsAfterACrashReclaimsItsOwnLeaseAtOnceWhileOthersWait() {
        // given relay A died between publishing e1 and removing it, still holding the lease
        String code = code();
        List<OutboxEvent> events = store(code, 1);
        String e1 = events.get(0).eventId();
        RelayFaults crash = new RelayFaults().at(Point.AFTER_PUBLISH, e1, () -> {
            throw new RelayFaults.Crash("after publication");
        });
        OutboxRelay dying = relay("relay-a", new Recording(), crash, new SimpleMeterRegistry());
        assertThatThrownBy(() -> dying.relay(COLLECTION, code)).isInstanceOf(RelayFaults.Crash.class);
        assertThat(leaseOf(dying, code).getString("owner")).isEqualTo("relay-a");

        // when another instance tries first, then A comes back under the same identity, no time having passed
        Recording bSent = new Recording();
        relay("relay-b", bSent, RelayHook.NONE, new SimpleMeterRegistry()).relay(COLLECTION, code);
        Recording restartedSent = new Recording();
        relay("relay-a", restartedSent, RelayHook.NONE, new SimpleMeterRegistry()).relay(COLLECTION, code);

        // then the other waited for the lease, and A republished e1 (same id) and removed it at once
        assertThat(bSent.ids).isEmpty();
        assertThat(restartedSent.ids).containsExactly(e1);
        assertThat(topic).containsExactly(e1, e1);
        assertThat(outboxOf(code)).isEmpty();
    }

    @Test
    void severalPendingEventsOfOneDocumentArePublishedInOrderAndAllRemoved() {
        String code = code();
        List<OutboxEvent> events = store(code, 5);
        RelayFaults faults = new RelayFaults();

        relay("relay-a", new Recording(), faults, new SimpleMeterRegistry()).relay(COLLECTION, code);

        assertThat(topic).containsExactlyElementsOf(ids(events));
        assertThat(faults.eventsAt(Point.REMOVED)).containsExactlyElementsOf(ids(events));
        assertThat(outboxOf(code)).isEmpty();
    }

    /**
     * A batch is claimed, renewed and removed in single writes, but fenced per document: when one of
     * its documents is taken over, the batch drops that one and goes on with the others.
     */
    @Test
    void aBatchWhoseOneDocumentWasTakenOverGoesOnWithTheOthersAndRemovesOnlyTheirEvents() throws Exception {
        // given two documents with two events each, relayed together by A, paused after the first round
        String taken = code();
        String kept = code();
        List<OutboxEvent> takenEvents = store(taken, 2);
        List<OutboxEvent> keptEvents = store(kept, 2);
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        RelayFaults aFaults = new RelayFaults().at(Point.AFTER_PUBLISH, keptEvents.get(0).eventId(), () -> {
            paused.countDown();
            await(resume);
        });
        Recording aSent = new Recording();
        OutboxRelay a = relay("relay-a", aSent, aFaults, new SimpleMeterRegistry());
        CompletableFuture<Void> aRelaying = CompletableFuture.runAsync(() -> a.relayTogether(COLLECTION, List.of(taken, kept)));
        await(paused);

        // when A's leases expire and B takes over one of the two documents only
        clock.advance(LEASE.plusSeconds(1));
        Recording bSent = new Recording();
        relay("relay-b", bSent, RelayHook.NONE, new SimpleMeterRegistry()).relay(COLLECTION, taken);
        resume.countDown();
        aRelaying.get(10, TimeUnit.SECONDS);

        // then A renewed the other, published and removed all of its events, and left the taken one to B
        assertThat(aFaults.eventsAt(Point.FENCED)).containsExactly(takenEvents.get(0).eventId());
        assertThat(aFaults.eventsAt(Point.REMOVED)).containsExactlyElementsOf(ids(keptEvents));
        assertThat(aSent.ids).containsExactly(takenEvents.get(0).eventId(), keptEvents.get(0).eventId(),
                keptEvents.get(1).eventId());
        assertThat(bSent.ids).containsExactlyElementsOf(ids(takenEvents));
        assertThat(outboxOf(taken)).isEmpty();
        assertThat(outboxOf(kept)).isEmpty();
        assertThat(leaseOf(a, kept)).as("released").isNull();
        assertThat(leaseOf(a, taken)).as("released by B").isNull();
    }

    /** A batch claims only what is free: a document another instance holds is left out of it. */
    @Test
    void aBatchLeavesOutADocumentAnotherInstanceHoldsAndRelaysTheRest() {
        String held = code();
        String free = code();
        List<OutboxEvent> heldEvents = store(held, 1);
        List<OutboxEvent> freeEvents = store(free, 1);
        // B died holding the first document's lease, which has not expired
        RelayFaults crash = new RelayFaults().at(Point.AFTER_PUBLISH, heldEvents.get(0).eventId(), () -> {
            throw new RelayFaults.Crash("after publication");
        });
        assertThatThrownBy(() -> relay("relay-b", new Recording(), crash, new SimpleMeterRegistry())
                .relay(COLLECTION, held)).isInstanceOf(RelayFaults.Crash.class);

        Recording aSent = new Recording();
        relay("relay-a", aSent, RelayHook.NONE, new SimpleMeterRegistry()).relayTogether(COLLECTION, List.of(held, free));

        assertThat(aSent.ids).containsExactlyElementsOf(ids(freeEvents));
        assertThat(outboxOf(free)).isEmpty();
        assertThat(outboxOf(held)).extracting(event -> event.getString("eventId")).containsExactlyElementsOf(ids(heldEvents));
    }

    private OutboxRelay relay(String instanceId, Recording sent, RelayHook hook, SimpleMeterRegistry meters) {
        MongoMappingContext mapping = (MongoMappingContext) mongo.getConverter().getMappingContext();
        mapping.getRequiredPersistentEntity(TestAgency.class);
        return new OutboxRelay(mongo, sent, new OutboxProperties(Duration.ofMinutes(10), LEASE, 100, 1, instanceId),
                new OutboxCollections(mapping), clock, meters, instanceId, hook, () -> {
                    throw new UnsupportedOperationException("these relays are driven by the test, never started");
                });
    }

    /** Stores an agency whose outbox holds its registration and count - 1 updates, versions 1 to count. */
    private List<OutboxEvent> store(String code, int count) {
        List<OutboxEvent> events = new ArrayList<>();
        for (int version = 1; version <= count; version++) {
            DomainEvent event = version == 1 ? SupportTestApplication.registered(code, 1, "Leased")
                    : new AgencyUpdated(code, version, "Leased " + version, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                            Membership.NON_MEMBER, null, null, null, AgencyStatus.ACTIVE);
            events.add(outboxEvents.wrap(event, Actor.service("support-test")));
        }
        mongo.insert(new TestAgency(code, count, "Leased", events), COLLECTION).block();
        return events;
    }

    private static Document leaseOf(OutboxRelay relay, String code) {
        return relay.leases().of(COLLECTION, code);
    }

    private Document stored(String code) {
        return mongo.findById(code, Document.class, COLLECTION).block();
    }

    private List<Document> outboxOf(String code) {
        return stored(code).getList(OutboxEvent.FIELD, Document.class, List.of());
    }

    private static List<String> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::eventId).toList();
    }

    private static List<String> firstOccurrences(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private static String code() {
        return "L" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other side never arrived");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A publisher that records what it is asked to send, here and in the shared topic. */
    private final class Recording extends CloudEventPublisher {

        final List<String> ids = new CopyOnWriteArrayList<>();

        Recording() {
            super(null, null);
        }

        @Override
        public CompletableFuture<?> publish(OutboxEvent event) {
            ids.add(event.eventId());
            topic.add(event.eventId());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A clock that moves only when the test says so. */
    static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
