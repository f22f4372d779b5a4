package org.isecg.events.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.isecg.contracts.CloudEventHeaders;
import org.isecg.contracts.EventJson;
import org.isecg.contracts.EventSchemas;
import org.isecg.contracts.EventTypes;
import org.isecg.contracts.Topics;
import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.events.inbound.InboundErrorHandling;
import org.isecg.events.testapp.SupportTestApplication.Recorder;
import org.isecg.events.testapp.SupportTestApplication;
import org.isecg.testsupport.PublishedEvents.PublishedEvent;
import org.isecg.testsupport.PublishedEvents.PublishedRecord;
import org.isecg.testsupport.PublishedEvents;
import org.isecg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The chassis against a real Kafka broker and a real MongoDB wire-protocol server: what a write
 * publishes, how a lost signal is recovered, how duplicates and poison messages are handled. The
 * subclasses choose the infrastructure: embedded here, containers where Docker exists.
 */
@SpringBootTest(classes = SupportTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class OutboxAndInboundContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** W3C traceparent: version, trace id, parent (span) id, flags. */
    static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01");
    /** Where the binder sends what the test app's consumer cannot handle: error.<topic>.<application>.<consumer>. */
    private static final String DEAD_LETTERS = "error.agencies.support-test.recorder";

    @Autowired
    WebTestClient http;

    /** The test app's API takes any valid token, its operator endpoints the operator's. */
    @BeforeEach
    void asTheOperator() {
        http = http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.shared().operator()).build();
    }
    @Autowired
    ReactiveMongoOperations mongo;
    @Autowired
    Recorder recorder;
    @Autowired
    CloudEventPublisher publisher;
    @Autowired
    OutboxEvents outboxEvents;
    @Autowired
    MeterRegistry meters;
    @Autowired
    PublishedEvents published;
    @Autowired
    AggregateWriter writer;
    @Autowired
    OutboxRelay relay;
    @Autowired
    ApplicationContext context;
    @Autowired
    OutboxCollections collections;
    @Autowired
    OutboxEndpoint outboxEndpoint;
    @Autowired
    java.time.Clock clock;
    @Autowired
    SupportTestApplication.CrashingProcessedEvents processedEvents;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aWriteIsPublishedAsABinaryModeCloudEventAndLeavesTheOutbox() {
        String code = uniqueCode();

        http.post().uri("/test/agencies/{code}", code)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Test Agency"))
                .exchange().expectStatus().isOk();

        PublishedEvent<AgencyRegistered> record = published.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        Map<String, String> headers = record.headers();
        assertThat(headers).containsEntry(CloudEventHeaders.SPEC_VERSION, "1.0")
                .containsEntry(CloudEventHeaders.SOURCE, "/hub/support-test")
                .containsEntry(CloudEventHeaders.SUBJECT, code)
                .containsEntry(CloudEventHeaders.CONTENT_TYPE, "application/json")
                .containsEntry(CloudEventHeaders.ACTING_CLIENT, "operator")
                .doesNotContainKey(CloudEventHeaders.ACTING_AGENCY)
                .containsKey(CloudEventHeaders.ID);
        assertThat(Instant.parse(headers.get(CloudEventHeaders.TIME))).isBefore(Instant.now().plusSeconds(1));
        assertThat(record.data()).isEqualTo(SupportTestApplication.registered(code, 1, "Test Agency"));
        assertThat(EventSchemas.violations(EventTypes.AGENCY_REGISTERED, record.value())).isEmpty();
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
    }

    @Test
    void everyEventNamesWhoMadeTheChangeAndTheHistoryKeepsEveryVersionWithItsActor() {
        String code = uniqueCode();
        String nasa = TestTokens.shared().agency("NASA");

        http.post().uri("/test/agencies/{code}", code).headers(TestTokens.bearer(nasa))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Created by NASA"))
                .exchange().expectStatus().isOk();
        rename(code, "\"1\"", "Renamed by the operator").expectStatus().isOk();

        PublishedEvent<AgencyRegistered> created = published.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        assertThat(created.headers()).containsEntry(CloudEventHeaders.ACTING_CLIENT, "NASA")
                .containsEntry(CloudEventHeaders.ACTING_AGENCY, "NASA");
        PublishedEvent<AgencyUpdated> renamed = published.awaitOne(EventTypes.AGENCY_UPDATED, code);
        assertThat(renamed.headers()).containsEntry(CloudEventHeaders.ACTING_CLIENT, "operator")
                .doesNotContainKey(CloudEventHeaders.ACTING_AGENCY);
        History history = writer.history(SupportTestApplication.TestAgency.class, code).block();
        assertThat(history.entries()).extracting(HistoryEntry::version, HistoryEntry::event, HistoryEntry::client,
                        HistoryEntry::agency, HistoryEntry::importedBy)
                .containsExactly(
                        tuple(1L, EventTypes.AGENCY_REGISTERED.name(), "NASA", "NASA", null),
                        tuple(2L, EventTypes.AGENCY_UPDATED.name(), "operator", null, null));
        assertThat(history.entries()).extracting(HistoryEntry::at)
                .containsExactly(Instant.parse(created.headers().get(CloudEventHeaders.TIME)),
                        Instant.parse(renamed.headers().get(CloudEventHeaders.TIME)));
        assertThat(writer.history(SupportTestApplication.TestAgency.class, "NOPE-" + code).blockOptional()).isEmpty();
    }

    @Test
    void aWriteIsPublishedAndHandledInTheTraceOfTheRequestAndSoIsWhatTheHandlerWrites() {
        // given
        String code = uniqueCode();
        String traceId = hex(16);
        String callerSpanId = hex(8);

        // when
        http.post().uri("/test/agencies/{code}", code).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", SupportTestApplication.ECHO))
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", traceId);

        // then the record names the relay's publication, a span of the request's trace
        PublishedEvent<AgencyRegistered> record = published.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        Matcher publication = TRACEPARENT.matcher(record.headers().getOrDefault(CloudEventHeaders.TRACE_PARENT, ""));
        assertThat(publication.matches()).as("traceparent %s", record.headers().get(CloudEventHeaders.TRACE_PARENT)).isTrue();
        assertThat(publication.group(1)).isEqualTo(traceId);
        assertThat(publication.group(2)).isNotEqualTo(callerSpanId);
        // and the handler ran in it
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        assertThat(recorder.traceIdOf(record.headers().get(CloudEventHeaders.ID))).hasValue(traceId);
        // and the event the handler wrote went out, and was handled, in the same trace
        PublishedEvent<AgencyRegistered> echo = published.awaitOne(EventTypes.AGENCY_REGISTERED, code + "-E");
        Matcher echoed = TRACEPARENT.matcher(echo.headers().getOrDefault(CloudEventHeaders.TRACE_PARENT, ""));
        assertThat(echoed.matches()).isTrue();
        assertThat(echoed.group(1)).isEqualTo(traceId);
        String echoId = echo.headers().get(CloudEventHeaders.ID);
        await().atMost(PATIENCE).until(() -> recorder.traceIdOf(echoId).isPresent());
        assertThat(recorder.traceIdOf(echoId)).hasValue(traceId);
    }

    @Test
    void anEventWrittenOutsideAnyTraceIsPublishedAndHandledInATraceOfItsOwn() {
        String code = uniqueCode();
        OutboxEvent untraced = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Untraced"), Actor.service("support-test"));

        publisher.publish(untraced).join();

        assertThat(untraced.traceparent()).isNull();
        PublishedEvent<AgencyRegistered> record = published.awaitOne(EventTypes.AGENCY_REGISTERED, code);
        Matcher traceparent = TRACEPARENT.matcher(record.headers().getOrDefault(CloudEventHeaders.TRACE_PARENT, ""));
        assertThat(traceparent.matches()).isTrue();
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        assertThat(recorder.traceIdOf(untraced.eventId())).hasValue(traceparent.group(1));
    }

    @Test
    void anEventWhoseSignalWasLostIsPublishedByTheSweep() {
        String code = uniqueCode();
        OutboxEvent stranded = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Stranded"), Actor.service("support-test"));
        // as if the service died between its write and the relay's signal
        mongo.insert(new SupportTestApplication.TestAgency(code, 1, "Stranded", List.of(stranded)),
                SupportTestApplication.COLLECTION).block();

        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        assertThat(recorder.about(code).get(0).id()).isEqualTo(stranded.eventId());
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
    }

    @Test
    void anEventPublishedTwiceIsHandledOnce() {
        String code = uniqueCode();
        OutboxEvent event = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Twice"), Actor.service("support-test"));
        double duplicatesBefore = consumed("duplicate");

        // as if the relay died between publishing and removing the event
        publisher.publish(event).join();
        publisher.publish(event).join();

        await().atMost(PATIENCE).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(recorder.about(code)).hasSize(1);
    }

    /**
     * The relay dies (the hook throws an Error, so nothing is cleaned up) after the broker acknowledged
     * the event and before its removal; the instance restarts under the same identity. Without the
     * reclaim the restarted relay found the lease held for another 30 s and the outbox still held the
     * event when it returned ({@code outboxOf(code)} not empty).
     */
    @Test
    void aRelayThatCrashesBetweenPublicationAndRemovalPublishesTwiceOnRestartAndTheConsumerHandlesItOnce() {
        // given: an event waiting, and this context's relay out of the way
        String code = uniqueCode();
        OutboxEvent event = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Crashing"), Actor.service("support-test"));
        double duplicatesBefore = consumed("duplicate");
        relay.stop();
        try {
            mongo.insert(new SupportTestApplication.TestAgency(code, 1, "Crashing", List.of(event)),
                    SupportTestApplication.COLLECTION).block();
            RelayFaults crash = new RelayFaults().at(RelayHook.Point.AFTER_PUBLISH, event.eventId(), () -> {
                throw new RelayFaults.Crash("between publication and removal");
            });

            // when it crashes after publishing, and restarts
            assertThatThrownBy(() -> standaloneRelay("crashing-node", crash).relay(SupportTestApplication.COLLECTION, code))
                    .isInstanceOf(RelayFaults.Crash.class);
            assertThat(outboxOf(code)).hasSize(1);
            standaloneRelay("crashing-node", RelayHook.NONE).relay(SupportTestApplication.COLLECTION, code);

            // then the restarted instance took its lease back at once and removed the event
            assertThat(outboxOf(code)).isEmpty();
        } finally {
            relay.start();
        }
        List<PublishedEvent<AgencyRegistered>> twice = published.awaitAtLeast(2, EventTypes.AGENCY_REGISTERED, code);
        assertThat(twice).extracting(record -> record.headers().get(CloudEventHeaders.ID))
                .containsExactly(event.eventId(), event.eventId());
        await().atMost(PATIENCE).until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(recorder.about(code)).hasSize(1);
    }

    /** A regression guard: the old relay passed it too. */
    @Test
    void severalPendingEventsInOneDocumentArePublishedInOrderAndAllRemoved() {
        String code = uniqueCode();
        List<OutboxEvent> events = List.of(outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Many"), Actor.service("support-test")),
                outboxEvents.wrap(updated(code, 2), Actor.service("support-test")), outboxEvents.wrap(updated(code, 3), Actor.service("support-test")),
                outboxEvents.wrap(updated(code, 4), Actor.service("support-test")));

        mongo.insert(new SupportTestApplication.TestAgency(code, 4, "Many", events), SupportTestApplication.COLLECTION)
                .block();

        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 4);
        assertThat(recorder.about(code)).extracting(envelope -> envelope.id())
                .containsExactlyElementsOf(events.stream().map(OutboxEvent::eventId).toList());
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
    }

    /**
     * An event and its twin of another contract version are written by one write: both are
     * published, in the order given, and the history still has one entry per version, named after
     * the first event of the write.
     */
    @Test
    void aWriteWithSeveralEventsPublishesThemAllInTheOrderGivenAndKeepsOneHistoryEntryPerVersion() {
        String code = uniqueCode();
        Actor actor = Actor.service("support-test");
        writer.create(new SupportTestApplication.TestAgency(code, 1, "Twins", writer.firstEvents(
                List.of(SupportTestApplication.registered(code, 1, "Twins"), updated(code, 1)), actor)), "test agency").block();
        List<AgencyEvent> secondWrite = List.of(updated(code, 2), deactivated(code, 2));
        writer.change(SupportTestApplication.TestAgency.class, "test agency", code, 1,
                new org.springframework.data.mongodb.core.query.Update().set("name", "Version 2"), secondWrite, actor).block();

        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 4);
        assertThat(recorder.about(code)).extracting(envelope -> envelope.type().name(),
                        envelope -> ((AgencyEvent) envelope.data()).version())
                .containsExactly(tuple(EventTypes.AGENCY_REGISTERED.name(), 1L), tuple(EventTypes.AGENCY_UPDATED.name(), 1L),
                        tuple(EventTypes.AGENCY_UPDATED.name(), 2L), tuple(EventTypes.AGENCY_DEACTIVATED.name(), 2L));
        assertThat(writer.history(SupportTestApplication.TestAgency.class, code).block().entries())
                .extracting(HistoryEntry::version, HistoryEntry::event)
                .containsExactly(tuple(1L, EventTypes.AGENCY_REGISTERED.name()), tuple(2L, EventTypes.AGENCY_UPDATED.name()));
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
    }

    @Test
    void eventsOfTwoVersionsOrTwoAggregatesAreNeverOneWriteAndNothingIsStored() {
        String code = uniqueCode();
        Actor actor = Actor.service("support-test");
        writer.create(testAgency(code), "test agency").block();

        assertThatThrownBy(() -> writer.change(SupportTestApplication.TestAgency.class, "test agency", code, 1,
                new org.springframework.data.mongodb.core.query.Update().set("name", "Skipped"),
                List.of(updated(code, 2), updated(code, 3)), actor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one aggregate and version");
        assertThatThrownBy(() -> new AggregateWriter.Change(new org.springframework.data.mongodb.core.query.Update(),
                List.of(updated(code, 2), updated("OTHER-" + code, 2)), actor)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.firstEvents(List.of(), actor)).isInstanceOf(IllegalArgumentException.class);

        Document stored = mongo.findById(code, Document.class, SupportTestApplication.COLLECTION).block();
        assertThat(stored.get("version", Number.class).longValue()).isEqualTo(1);
        assertThat(stored.getString("name")).isEqualTo("Keyed");
    }

    /**
     * Documents relayed in batches, by two instances at once, each with several workers, while the
     * leases keep them apart: every event is handled once, each document's in the order written, and
     * every outbox empties.
     */
    @Test
    void manyDocumentsRelayedInBatchesByTwoInstancesAtOnceKeepEachDocumentsOrder() {
        // given 60 documents with three pending events each, stored without a signal
        Map<String, List<String>> written = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            String code = uniqueCode();
            List<OutboxEvent> events = List.of(outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Batched"), Actor.service("support-test")),
                    outboxEvents.wrap(updated(code, 2), Actor.service("support-test")), outboxEvents.wrap(updated(code, 3), Actor.service("support-test")));
            mongo.insert(new SupportTestApplication.TestAgency(code, 3, "Batched", events),
                    SupportTestApplication.COLLECTION).block();
            written.put(code, events.stream().map(OutboxEvent::eventId).toList());
        }
        OutboxRelay second = new OutboxRelay(mongo, publisher, new OutboxProperties(Duration.ofMillis(200),
                Duration.ofSeconds(30), 7, 3, "second-relay"), collections, clock,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), "second-relay");

        // when this service's relay and a second instance both sweep them
        second.start();
        try {
            relay.sweep();

            // then
            await().atMost(PATIENCE).until(() -> written.keySet().stream()
                    .allMatch(code -> recorder.about(code).size() == 3));
            written.forEach((code, ids) -> assertThat(recorder.about(code)).extracting(envelope -> envelope.id())
                    .as("the events of %s, in the order written", code).containsExactlyElementsOf(ids));
            await().atMost(PATIENCE).until(() -> written.keySet().stream().allMatch(code -> outboxOf(code).isEmpty()));
        } finally {
            second.stop();
        }
    }

    /**
     * The producer refuses a record larger than {@code max.request.size} however often it is sent.
     * Without parking the relay retried it on every sweep and the document's next event never left
     * (the recorder never saw version 2).
     */
    @Test
    void anEventTooLargeForTheBrokerIsParkedAndTheDocumentsNextEventIsPublished() {
        // given an outbox whose first event is larger than the broker accepts
        String code = uniqueCode();
        OutboxEvent huge = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "x".repeat(1_200_000)), Actor.service("support-test"));
        OutboxEvent next = outboxEvents.wrap(updated(code, 2), Actor.service("support-test"));
        double parkedBefore = parkedCount();

        // when
        mongo.insert(new SupportTestApplication.TestAgency(code, 2, "Huge", List.of(huge, next)),
                SupportTestApplication.COLLECTION).block();

        // then the next event arrives, and the huge one waits for an operator with its reason
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        assertThat(recorder.about(code).get(0).id()).isEqualTo(next.eventId());
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
        ParkedEvents.ParkedEvent parked = parkedEvent(huge.eventId());
        assertThat(parked.reason()).contains("RecordTooLargeException");
        assertThat(parked.collection()).isEqualTo(SupportTestApplication.COLLECTION);
        assertThat(parked.aggregateId()).isEqualTo(code);
        assertThat(parkedCount()).isEqualTo(parkedBefore + 1);

        // and an operator can re-queue it: still too large, it is parked again
        assertThat(outboxEndpoint.requeue(huge.eventId())).isNotNull();
        await().atMost(PATIENCE).until(() -> parkedCount() == parkedBefore + 2);
        assertThat(parkedEvent(huge.eventId())).isNotNull();
        assertThat(outboxOf(code)).isEmpty();
        assertThat(outboxEndpoint.requeue("no-such-event")).isNull();
    }

    private ParkedEvents.ParkedEvent parkedEvent(String eventId) {
        return outboxEndpoint.outbox().parked().stream().filter(event -> event.eventId().equals(eventId))
                .findFirst().orElseThrow();
    }

    private double parkedCount() {
        return meters.find("isecg.outbox.parked").tag("collection", SupportTestApplication.COLLECTION).counters()
                .stream().mapToDouble(counter -> counter.count()).sum();
    }

    private OutboxRelay standaloneRelay(String instanceId, RelayHook hook) {
        return new OutboxRelay(mongo, publisher, new OutboxProperties(Duration.ofMinutes(10), Duration.ofSeconds(30),
                100, 1, instanceId), collections, clock, new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                instanceId, hook, () -> {
                    throw new UnsupportedOperationException("driven by the test, never started");
                });
    }

    static org.isecg.contracts.agency.AgencyDeactivated deactivated(String code, long version) {
        return new org.isecg.contracts.agency.AgencyDeactivated(code, version, "Version " + version, java.util.Set.of("FR"),
                org.isecg.contracts.agency.AgencyKind.NATIONAL_AGENCY, org.isecg.contracts.agency.Membership.NON_MEMBER,
                null, null, null, org.isecg.contracts.agency.AgencyStatus.INACTIVE, null);
    }

    static org.isecg.contracts.agency.AgencyUpdated updated(String code, long version) {
        return new org.isecg.contracts.agency.AgencyUpdated(code, version, "Version " + version, java.util.Set.of("FR"),
                org.isecg.contracts.agency.AgencyKind.NATIONAL_AGENCY, org.isecg.contracts.agency.Membership.NON_MEMBER,
                null, null, null, org.isecg.contracts.agency.AgencyStatus.ACTIVE);
    }

    @Test
    void aMalformedEventGoesStraightToTheDeadLetterTopicAndTheNextEventOfItsKeyStillArrives() throws Exception {
        String code = uniqueCode();
        AgencyRegistered good = SupportTestApplication.registered(code, 1, "After poison");

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(Topics.AGENCIES, code.getBytes(UTF_8),
                    "{\"code\": [\"not\", \"a\", \"string\"]".getBytes(UTF_8));
            poison.headers().add(CloudEventHeaders.ID, ("poison-" + code).getBytes(UTF_8))
                    .add(CloudEventHeaders.TYPE, EventTypes.AGENCY_REGISTERED.name().getBytes(UTF_8))
                    .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
            producer.send(poison).get();
        }
        publisher.publish(outboxEvents.wrap(good, Actor.service("support-test"))).join();

        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        PublishedRecord dead = published.awaitRecord(DEAD_LETTERS, code);
        assertThat(dead.headers()).containsEntry(CloudEventHeaders.ID, "poison-" + code);
        assertThat(recorder.attempts).doesNotContain("poison-" + code);
    }

    /**
     * A producer's new version, which this service does not know yet: skipped, counted by its type and
     * never dead-lettered, so that the projection's freeze shows in a metric while the partition flows.
     * Without the count, the skip left no trace but a debug line.
     */
    @Test
    void anEventOfATypeThisServiceDoesNotKnowIsSkippedCountedByTypeAndNeverDeadLettered() throws Exception {
        String code = uniqueCode();
        String newVersion = EventTypes.AGENCY_REGISTERED.name().replace(".v1", ".v2");
        AgencyRegistered after = SupportTestApplication.registered(code, 1, "After the new version");
        double unknownBefore = unknown(newVersion);

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            ProducerRecord<byte[], byte[]> unknown = new ProducerRecord<>(Topics.AGENCIES, code.getBytes(UTF_8),
                    ("{\"code\": \"" + code + "\", \"novelty\": true}").getBytes(UTF_8));
            unknown.headers().add(CloudEventHeaders.ID, ("v2-" + code).getBytes(UTF_8))
                    .add(CloudEventHeaders.TYPE, newVersion.getBytes(UTF_8))
                    .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
            producer.send(unknown).get();
        }
        publisher.publish(outboxEvents.wrap(after, Actor.service("support-test"))).join();

        // the next event of the key is handled, so the unknown one before it has been dealt with
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        assertThat(unknown(newVersion) - unknownBefore).isEqualTo(1.0);
        assertThat(recorder.attempts).doesNotContain("v2-" + code);
        assertThat(published.recordsSoFar(DEAD_LETTERS, code)).isEmpty();
    }

    @Test
    void aHandlerThatKeepsFailingForAnUnexpectedReasonIsRetriedABoundedNumberOfTimesThenDeadLetteredWithTheReason() {
        String code = uniqueCode();
        OutboxEvent failing = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "FAIL"), Actor.service("support-test"));

        publisher.publish(failing).join();

        PublishedRecord dead = published.awaitRecord(DEAD_LETTERS, code);
        assertThat(dead.headers()).containsEntry(CloudEventHeaders.ID, failing.eventId());
        assertThat(recorder.attempts.stream().filter(failing.eventId()::equals)).hasSize(4);
        assertThat(recorder.about(code)).isEmpty();
        assertThat(dead.headers()).containsEntry(InboundErrorHandling.KIND, "UNEXPECTED")
                .containsEntry(InboundErrorHandling.REASON, "java.lang.IllegalStateException: handler failure for " + code);
    }

    /**
     * Without schema validation the old consumer read this event into its record (the record takes
     * an empty name as readily as a missing owner) and handled it: {@code attempts} then contains
     * it and no dead letter ever appears.
     */
    @Test
    void anEventThatBreaksItsSchemaIsDeadLetteredAtOnceWithTheViolationAndTheNextEventOfItsPartitionIsHandled()
            throws Exception {
        // given an agency registration whose name is empty, which its schema forbids (minLength 1)
        String code = uniqueCode();
        String invalidId = "invalid-" + code;
        byte[] invalid = EventJson.write(SupportTestApplication.registered(code, 1, ""));
        OutboxEvent next = outboxEvents.wrap(SupportTestApplication.registered(code, 2, "Valid"), Actor.service("support-test"));

        // when it is followed by a valid event of the same agency, so of the same partition
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(cloudEvent(code, invalidId, invalid)).get();
        }
        publisher.publish(next).join();

        // then
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        assertThat(recorder.about(code).get(0).id()).isEqualTo(next.eventId());
        PublishedRecord dead = published.awaitRecord(DEAD_LETTERS, code);
        assertThat(dead.headers()).containsEntry(CloudEventHeaders.ID, invalidId)
                .containsEntry(InboundErrorHandling.KIND, "PERMANENT")
                .containsKey("kafka_dlt-exception-message")
                .containsEntry("kafka_dlt-original-topic", Topics.AGENCIES);
        assertThat(dead.headers().get(InboundErrorHandling.REASON)).contains("violates its schema").contains("/name");
        assertThat(recorder.attempts).doesNotContain(invalidId);
    }

    /**
     * The old binder had no replay: the rejected event stayed in the dead-letter topic and
     * {@code about(code)} stayed empty. Replaying twice must send it once: the second replay reports
     * nothing replayed, the topic holds the event twice (the original and one replay), and the
     * handler ran once more.
     */
    @Test
    void anEventTheHandlerRejectedIsReplayedOnceTheCauseIsFixedAndASecondReplayChangesNothing() {
        // given an event the handler rejects as invalid, dead-lettered at once
        String code = uniqueCode();
        recorder.rejecting.add(code);
        OutboxEvent rejected = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Rejected"), Actor.service("support-test"));
        publisher.publish(rejected).join();
        PublishedRecord dead = published.awaitRecord(DEAD_LETTERS, code);
        assertThat(dead.headers()).containsEntry(InboundErrorHandling.KIND, "PERMANENT");
        assertThat(dead.headers().get(InboundErrorHandling.REASON)).contains("is not accepted here");
        assertThat(recorder.attempts.stream().filter(rejected.eventId()::equals)).hasSize(1);
        http.get().uri("/actuator/deadletters").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.consumer == 'recorder')].notReplayed").value(counts ->
                        assertThat(((List<?>) counts).get(0)).isNotEqualTo(0));

        // when the cause is fixed and an operator replays the binding's dead letters, twice
        recorder.rejecting.remove(code);
        http.post().uri("/actuator/deadletters/recorder").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.replayed").value(replayed -> assertThat((Integer) replayed).isPositive());
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        http.post().uri("/actuator/deadletters/recorder").exchange().expectStatus().isOk();

        // then it was handled exactly once, with its original id and trace, and sent back once only
        assertThat(recorder.about(code).get(0).id()).isEqualTo(rejected.eventId());
        List<PublishedEvent<AgencyRegistered>> onTopic = published.awaitAtLeast(2, EventTypes.AGENCY_REGISTERED, code);
        assertThat(onTopic).allSatisfy(record -> assertThat(record.headers())
                .containsEntry(CloudEventHeaders.ID, rejected.eventId())
                .containsEntry(CloudEventHeaders.TRACE_PARENT, dead.headers().get(CloudEventHeaders.TRACE_PARENT))
                .doesNotContainKey(InboundErrorHandling.REASON));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                published.publishedSoFar(EventTypes.AGENCY_REGISTERED, code).size() == 2
                        && recorder.attempts.stream().filter(rejected.eventId()::equals).count() == 2
                        && recorder.about(code).size() == 1);
    }

    /**
     * The window between a handler's side effect and the recording of its event, forced by the
     * test app's {@code CrashingProcessedEvents}: the handler runs again on redelivery, and its
     * visible effect (the versions it applied) is there once, because it applies a version only once.
     * A handler without that guard (the Recorder's raw {@code handled} list) shows the effect twice.
     */
    @Test
    void aConsumerThatCrashesBetweenItsSideEffectAndRecordingTheEventAppliesItOnceOnRedelivery() {
        // given
        String code = uniqueCode();
        OutboxEvent event = outboxEvents.wrap(SupportTestApplication.registered(code, 1, "Crash window"), Actor.service("support-test"));
        processedEvents.crashOnceBeforeRecording(event.eventId());

        // when
        publisher.publish(event).join();

        // then the handler ran twice, to the end both times, yet applied the event once
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 2);
        await().atMost(PATIENCE).until(() -> processedEvents.seen("recorder", event.eventId()));
        assertThat(recorder.attempts.stream().filter(event.eventId()::equals)).hasSize(2);
        assertThat(recorder.appliedVersions(code)).containsExactly(1L);
        assertThat(published.publishedSoFar(EventTypes.AGENCY_REGISTERED, code)).hasSize(1);
    }

    private static ProducerRecord<byte[], byte[]> cloudEvent(String code, String id, byte[] data) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.AGENCIES, code.getBytes(UTF_8), data);
        record.headers().add(CloudEventHeaders.ID, id.getBytes(UTF_8))
                .add(CloudEventHeaders.TYPE, EventTypes.AGENCY_REGISTERED.name().getBytes(UTF_8))
                .add(CloudEventHeaders.TIME, Instant.now().toString().getBytes(UTF_8));
        return record;
    }

    @Test
    void aChangeMustNameTheCurrentVersion() {
        String code = uniqueCode();
        http.post().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Versioned")).exchange().expectStatus().isOk();

        http.put().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Blind")).exchange()
                .expectStatus().isEqualTo(428)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/version-required");
        http.put().uri("/test/agencies/{code}", code).header("If-Match", "\"5\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Stale")).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("is at version 1, not 5"));
        http.put().uri("/test/agencies/{code}", code).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Renamed")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        http.put().uri("/test/agencies/{code}", "NOPE-" + code).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "Ghost")).exchange()
                .expectStatus().isNotFound();

        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 2);
        assertThat(recorder.about(code).get(1).data().version()).isEqualTo(2);
    }

    @Test
    void aChangeMayNameSeveralVersionsOrAnyButAWeakTagNeverMatches() {
        String code = uniqueCode();
        http.post().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Listed")).exchange().expectStatus().isOk();

        rename(code, "\"7\", \"1\"", "Listed twice").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");
        rename(code, "*", "Any version").expectStatus().isOk().expectHeader().valueEquals("ETag", "\"3\"");
        rename(code, "W/\"3\"", "Weakly").expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/version-mismatch")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("is at version 3").contains("W/\"3\" is a weak entity tag").contains("never matches"));
        rename(code, "\"1\", \"2\"", "Stale list").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("is at version 3, not 1 or 2"));
        rename("NOPE-" + code, "*", "Ghost").expectStatus().isNotFound();

        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 3);
        assertThat(recorder.about(code).stream().map(event -> ((AgencyEvent) event.data()).version()))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aWriteWhileTheRelayIsStoppedSucceedsAndIsPublishedOnceTheRelayRunsAgain() {
        String code = uniqueCode();
        relay.stop();
        try {
            // when: the write commits, and its signal finds no relay to take it
            http.post().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "While stopped")).exchange().expectStatus().isOk();

            // then
            assertThat(outboxOf(code)).hasSize(1);
        } finally {
            relay.start();
        }
        await().atMost(PATIENCE).until(() -> recorder.about(code).size() == 1);
        await().atMost(PATIENCE).until(() -> outboxOf(code).isEmpty());
    }

    @Test
    void onShutdownTheRelayStopsAfterTheWebServerAndTheConsumersAndItsProducerOutlivesIt() {
        // given: SmartLifecycle beans stop from the highest phase to the lowest, and beans are
        // destroyed after every lifecycle has stopped
        int gracefulShutdown = context.getBean("webServerGracefulShutdown", SmartLifecycle.class).getPhase();
        int webServer = context.getBean("webServerStartStop", SmartLifecycle.class).getPhase();
        int inputs = context.getBean(InputBindingLifecycle.class).getPhase();
        Object producer = context.getBean("outboxRecordTemplate");

        // then
        assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(context.getEnvironment().getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isNotBlank();
        assertThat(relay.getPhase()).isLessThan(gracefulShutdown).isLessThan(webServer).isLessThan(inputs);
        assertThat(producer).as("the relay's producer is closed on destruction, not stopped in a phase")
                .isNotInstanceOf(org.springframework.context.Lifecycle.class);
    }

    @Test
    void creatingTheSameAggregateTwiceIsAConflictNotAnError() {
        String code = uniqueCode();
        http.post().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "First")).exchange().expectStatus().isOk();

        http.post().uri("/test/agencies/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Second")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/conflict");
    }

    @Test
    void invalidAndUnreadableBodiesAreBadRequestsNamingTheField() {
        http.post().uri("/test/agencies/{code}", uniqueCode()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", " ")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        http.post().uri("/test/agencies/{code}", uniqueCode()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": [1, 2]}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("name");
        http.post().uri("/test/agencies/{code}", uniqueCode()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ").exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void theKeyOfACreateIsStoredInTheAggregatesOwnDocumentUnderAUniqueSparseIndexOnCallerAndKey() {
        String code = uniqueCode();
        String key = "key-" + code;

        writer.create(testAgency(code), "test agency", Optional.of(record("caller-1", key, "fp-1"))).block();

        Document stored = mongo.findById(code, Document.class, SupportTestApplication.COLLECTION).block();
        Document idempotency = stored.get(IdempotencyRecord.FIELD, Document.class);
        assertThat(idempotency.getString("caller")).isEqualTo("caller-1");
        assertThat(idempotency.getString("key")).isEqualTo(key);
        assertThat(idempotency.getString("fingerprint")).isEqualTo("fp-1");
        assertThat(idempotency.get("response", Document.class).getInteger("status")).isEqualTo(201);
        assertThat(writer.findCreatedUnder(SupportTestApplication.TestAgency.class, "caller-1", key).block())
                .isEqualTo(record("caller-1", key, "fp-1"));
        Document index = mongo.getCollection(SupportTestApplication.COLLECTION)
                .flatMapMany(collection -> collection.listIndexes())
                .filter(candidate -> AggregateWriter.IDEMPOTENCY_INDEX.equals(candidate.getString("name")))
                .blockFirst();
        assertThat(index).isNotNull();
        assertThat(index.get("key", Document.class).keySet()).containsExactly("idempotency.caller", "idempotency.key");
        assertThat(index.getBoolean("unique")).isTrue();
        assertThat(index.getBoolean("sparse")).isTrue();
    }

    @Test
    void twoCreatesUnderOneKeyAtOnceInsertOneAggregateAndTheOtherLearnsWhatTheFirstStored() throws Exception {
        // given two creates of different aggregates (as with ids the server chooses) under one key
        String key = "key-" + uniqueCode();
        String first = uniqueCode();
        String second = uniqueCode();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);

        // when they are sent at the same moment
        try {
            Future<?> one = threads.submit(createAfter(together, first, key, "fp-" + first));
            Future<?> other = threads.submit(createAfter(together, second, key, "fp-" + second));
            List<Object> outcomes = List.of(outcome(one), outcome(other));

            // then the unique index let exactly one in, and the other was told what that one stored
            assertThat(mongo.count(Query.query(Criteria.where("idempotency.key").is(key)), SupportTestApplication.COLLECTION)
                    .block()).isEqualTo(1);
            assertThat(outcomes).filteredOn(SupportTestApplication.TestAgency.class::isInstance).hasSize(1);
            SupportTestApplication.TestAgency winner = (SupportTestApplication.TestAgency) outcomes.stream()
                    .filter(SupportTestApplication.TestAgency.class::isInstance).findFirst().orElseThrow();
            AggregateWriteException.AlreadyCreated loser = (AggregateWriteException.AlreadyCreated) outcomes.stream()
                    .filter(AggregateWriteException.AlreadyCreated.class::isInstance).findFirst().orElseThrow();
            assertThat(loser.id()).isEqualTo(winner.code());
            assertThat(loser.record().fingerprint()).isEqualTo("fp-" + winner.code());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aKeyIsTheCallersOwnAndCreatesWithoutKeyNeverCollideInTheIndex() {
        String key = "key-" + uniqueCode();

        writer.create(testAgency(uniqueCode()), "test agency", Optional.of(record("caller-1", key, "fp"))).block();
        writer.create(testAgency(uniqueCode()), "test agency", Optional.of(record("caller-2", key, "fp"))).block();
        writer.create(testAgency(uniqueCode()), "test agency").block();
        writer.create(testAgency(uniqueCode()), "test agency", Optional.empty()).block();

        assertThat(mongo.count(Query.query(Criteria.where("idempotency.key").is(key)), SupportTestApplication.COLLECTION)
                .block()).isEqualTo(2);
    }

    @Test
    void aCreateUnderANewKeyWhoseIdIsTakenIsAnAggregateThatAlreadyExists() {
        String code = uniqueCode();
        writer.create(testAgency(code), "test agency").block();

        assertThatThrownBy(() -> writer.create(testAgency(code), "test agency",
                Optional.of(record("caller-1", "key-" + code, "fp"))).block())
                .isInstanceOf(AggregateWriteException.AlreadyExists.class);
    }

    private Callable<Object> createAfter(CyclicBarrier together, String code, String key, String fingerprint) {
        return () -> {
            together.await(10, TimeUnit.SECONDS);
            try {
                return writer.create(testAgency(code), "test agency", Optional.of(record("caller-1", key, fingerprint)))
                        .block();
            } catch (AggregateWriteException e) {
                return e;
            }
        };
    }

    private static Object outcome(Future<?> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(30, TimeUnit.SECONDS);
    }

    private SupportTestApplication.TestAgency testAgency(String code) {
        return new SupportTestApplication.TestAgency(code, 1, "Keyed",
                List.of(writer.firstEvent(SupportTestApplication.registered(code, 1, "Keyed"), Actor.service("support-test"))));
    }

    private static IdempotencyRecord record(String caller, String key, String fingerprint) {
        return new IdempotencyRecord(caller, key, fingerprint, new Document("status", 201).append("headers", List.of())
                .append("body", "{}"));
    }

    private WebTestClient.ResponseSpec rename(String code, String ifMatch, String name) {
        return http.put().uri("/test/agencies/{code}", code).header("If-Match", ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", name)).exchange();
    }

    private double unknown(String type) {
        return meters.find("isecg.events.unknown").tag("type", type).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private double consumed(String outcome) {
        return meters.find("isecg.events.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private List<Document> outboxOf(String code) {
        Document document = mongo.findById(code, Document.class, SupportTestApplication.COLLECTION).block();
        return document == null ? List.of() : document.getList(OutboxEvent.FIELD, Document.class, List.of());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
