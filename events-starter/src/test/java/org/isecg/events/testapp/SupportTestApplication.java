package org.isecg.events.testapp;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.isecg.contracts.agency.AgencyEvent;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.events.inbound.EventEnvelope;
import org.isecg.events.inbound.EventHandler;
import org.isecg.events.inbound.InboundProperties;
import org.isecg.events.inbound.InvalidEventException;
import org.isecg.events.inbound.ProcessedEvents;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.web.resource.IfMatch;
import org.isecg.web.resource.Versions;
import org.isecg.web.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import reactor.core.publisher.Mono;

/**
 * A minimal service on the chassis: a "test agency" aggregate written through the outbox over
 * HTTP, and a consumer of the agencies topic that records what it handles.
 */
@SpringBootApplication
public class SupportTestApplication {

    public static final String COLLECTION = "test_agencies";
    /** The name of an agency whose registration the Recorder answers by registering its echo, {@code <code>-E}. */
    public static final String ECHO = "ECHO";

    @Bean
    CrashingProcessedEvents processedEvents(ReactiveMongoOperations mongo, Clock clock, InboundProperties properties) {
        return new CrashingProcessedEvents(mongo, clock, properties.processedRetention());
    }

    /**
     * The fault hook of the window between a handler's side effect and the recording of its event:
     * for an event id it is told to, recording fails once, as when the consumer dies or loses
     * MongoDB right after the handler returned. The offset is not committed, so the event comes again.
     */
    public static class CrashingProcessedEvents extends ProcessedEvents {

        private final Set<String> crashBeforeRecording = ConcurrentHashMap.newKeySet();

        CrashingProcessedEvents(ReactiveMongoOperations mongo, Clock clock, Duration retention) {
            super(mongo, clock, retention);
        }

        public void crashOnceBeforeRecording(String eventId) {
            crashBeforeRecording.add(eventId);
        }

        @Override
        public void record(String consumer, String eventId) {
            if (crashBeforeRecording.remove(eventId)) {
                throw new DataAccessResourceFailureException("injected crash after handling " + eventId + ", before recording it");
            }
            super.record(consumer, eventId);
        }
    }

    @Bean
    Recorder recorder(Tracer tracer, AggregateWriter writer) {
        return new Recorder(tracer, writer);
    }

    /**
     * Records handled events and the trace each was handled in; fails, as a broken handler would,
     * for agencies whose name is FAIL; and writes an event of its own, as a projection that
     * publishes would, for agencies whose name is ECHO.
     */
    public static class Recorder implements EventHandler<AgencyEvent> {

        private static final Logger log = LoggerFactory.getLogger(Recorder.class);

        public final List<EventEnvelope<?>> handled = new CopyOnWriteArrayList<>();
        public final List<String> attempts = new CopyOnWriteArrayList<>();
        /** Codes whose events the Recorder rejects as invalid, until the test says the cause is fixed. */
        public final Set<String> rejecting = ConcurrentHashMap.newKeySet();
        /** The versions applied per agency, each once: the visible effect, guarded by version as projections are. */
        private final Map<String, List<Long>> applied = new ConcurrentHashMap<>();
        private final Map<String, String> traceIds = new ConcurrentHashMap<>();
        private final Tracer tracer;
        private final AggregateWriter writer;

        Recorder(Tracer tracer, AggregateWriter writer) {
            this.tracer = tracer;
            this.writer = writer;
        }

        @Override
        public void handle(EventEnvelope<? extends AgencyEvent> event) {
            AgencyEvent agency = event.data();
            attempts.add(event.id());
            log.info("recording {} {}", event.type().name(), event.id());
            if ("FAIL".equals(agency.name())) {
                throw new IllegalStateException("handler failure for " + agency.code());
            }
            if (rejecting.contains(agency.code())) {
                throw new InvalidEventException("agency " + agency.code() + " is not accepted here");
            }
            applied.compute(agency.code(), (code, versions) -> {
                List<Long> held = versions == null ? List.of() : versions;
                if (!held.isEmpty() && held.get(held.size() - 1) >= agency.version()) {
                    return held;
                }
                List<Long> next = new java.util.ArrayList<>(held);
                next.add(agency.version());
                return List.copyOf(next);
            });
            Span current = tracer.currentSpan();
            if (current != null) {
                traceIds.put(event.id(), current.context().traceId());
            }
            if (ECHO.equals(agency.name())) {
                String echo = agency.code() + "-E";
                // on the consumer thread, as the notifier's handlers write: blocking is fine here
                writer.create(new TestAgency(echo, 1, "Echo", List.of(writer.firstEvent(registered(echo, 1, "Echo"), Actor.service("support-test")))),
                        "test agency").block(Duration.ofSeconds(10));
            }
            handled.add(event);
        }

        public List<EventEnvelope<?>> about(String code) {
            return handled.stream().filter(event -> ((AgencyEvent) event.data()).code().equals(code)).toList();
        }

        /** The versions of an agency the handler applied, in the order it applied them. */
        public List<Long> appliedVersions(String code) {
            return applied.getOrDefault(code, List.of());
        }

        /** The trace id current while the event was handled. */
        public Optional<String> traceIdOf(String eventId) {
            return Optional.ofNullable(traceIds.get(eventId));
        }
    }

    @Document(COLLECTION)
    public record TestAgency(@Id String code, long version, String name, List<OutboxEvent> outbox)
            implements OutboxAggregate {
    }

    public record NameRequest(@NotBlank String name) {
    }

    @RestController
    static class TestAgencyController {

        private static final Logger log = LoggerFactory.getLogger(TestAgencyController.class);

        private final AggregateWriter writer;
        private final Clock clock;

        TestAgencyController(AggregateWriter writer, Clock clock) {
            this.writer = writer;
            this.clock = clock;
        }

        @PostMapping("/test/agencies/{code}")
        Mono<TestAgency> create(@PathVariable String code, @Valid @RequestBody NameRequest request, Caller caller) {
            log.info("registering test agency {}", code);
            return Mono.fromCallable(() -> new TestAgency(code, 1, request.name(),
                            List.of(writer.firstEvent(registered(code, 1, request.name()), Actor.of(caller)))))
                    .flatMap(agency -> writer.create(agency, "test agency"));
        }

        @PutMapping("/test/agencies/{code}")
        Mono<ResponseEntity<TestAgency>> rename(@PathVariable String code,
                @RequestHeader(name = "If-Match", required = false) String header,
                @Valid @RequestBody NameRequest request, Caller caller) {
            IfMatch ifMatch = Versions.ifMatch(header, "test agency");
            return writer.change(TestAgency.class, "test agency", code, ifMatch, current -> Mono.just(new AggregateWriter.Change(
                            new Update().set("name", request.name()).set("updatedAt", clock.instant()),
                            new AgencyUpdated(code, current.version() + 1, request.name(), Set.of("FR"),
                                    AgencyKind.NATIONAL_AGENCY, Membership.NON_MEMBER, null, null, null, AgencyStatus.ACTIVE),
                            Actor.of(caller))))
                    .map(agency -> ResponseEntity.ok().eTag(Versions.etag(agency.version())).body(agency));
        }
    }

    public static AgencyRegistered registered(String code, long version, String name) {
        return new AgencyRegistered(code, version, name, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.NON_MEMBER, null, null, null, AgencyStatus.ACTIVE);
    }
}
