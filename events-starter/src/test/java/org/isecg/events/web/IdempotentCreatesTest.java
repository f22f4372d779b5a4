package org.isecg.events.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.isecg.events.outbox.AggregateWriteException;
import org.isecg.events.outbox.IdempotencyRecord;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.events.outbox.OutboxEvent;
import org.isecg.web.idempotency.CallerResolver;
import org.isecg.web.idempotency.IdempotencyKey;
import org.isecg.web.idempotency.IdempotencyKeyInFlightException;
import org.isecg.web.idempotency.IdempotencyKeyReusedException;
import org.isecg.web.idempotency.InFlightKeys;
import org.isecg.web.idempotency.RequestFingerprint;
import org.isecg.web.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The decisions of a create endpoint with idempotency keys, against a store faked in memory. */
class IdempotentCreatesTest {

    record Thing(String code, long version) {
    }

    record ThingRequest(String code) {
    }

    record ThingDocument(String code, long version, List<OutboxEvent> outbox) implements OutboxAggregate {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<IdempotencyRecord> stored = new ArrayList<>();
    private final InFlightKeys inFlight = new InFlightKeys();
    private final IdempotentCreates creates = new IdempotentCreates(this::find, CallerResolver.anonymous(), inFlight, JSON);
    private final IdempotentCreates.Endpoint<Thing> endpoint = creates.endpoint(ThingDocument.class, Thing.class,
            thing -> ResponseEntity.created(URI.create("/things/" + thing.code())).eTag("\"" + thing.version() + "\"")
                    .body(thing));
    private int creations;

    @Test
    void withoutTheHeaderTheCreateRunsWithoutKeyAndStoresNone() {
        AtomicReference<Optional<IdempotencyRecord>> record = new AtomicReference<>();

        ResponseEntity<Thing> response = endpoint.create(exchange(null), new ThingRequest("A"), key -> {
            record.set(key.recordFor(new Thing("A", 1)));
            return Mono.just(new Thing("A", 1));
        }).block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(record.get()).isEmpty();
    }

    @Test
    void aFirstRequestWithAKeyStoresTheKeyTheFingerprintAndTheResponseWithTheCreatedAggregate() {
        ResponseEntity<Thing> response = create("\"k-1\"", "A").block();

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(stored).singleElement().satisfies(record -> {
            assertThat(record.caller()).isEqualTo(CallerResolver.ANONYMOUS);
            assertThat(record.key()).isEqualTo("k-1");
            assertThat(record.fingerprint()).isEqualTo(RequestFingerprint.of(new ThingRequest("A")));
            assertThat(record.response().getInteger("status")).isEqualTo(201);
        });
    }

    @Test
    void aRetryGetsTheFirstResponseAndCreatesNothing() {
        ResponseEntity<Thing> first = create("\"k-1\"", "A").block();

        ResponseEntity<Thing> retry = create("\"k-1\"", "A").block();

        assertThat(creations).isEqualTo(1);
        assertThat(retry.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(retry.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
        assertThat(retry.getHeaders().getETag()).isEqualTo(first.getHeaders().getETag());
        assertThat(retry.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void anotherRequestUnderAUsedKeyIsRefusedAndCreatesNothing() {
        create("\"k-1\"", "A").block();

        assertThatThrownBy(() -> create("\"k-1\"", "B").block()).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(creations).isEqualTo(1);
    }

    @Test
    void aRequestWhoseKeyIsInFlightIsRefusedAtOnceAndTheKeyIsFreeAgainAfterwards() {
        InFlightKeys.Claim first = inFlight.claim(CallerResolver.ANONYMOUS, IdempotencyKey.parse("\"k-1\"")).orElseThrow();

        assertThatThrownBy(() -> create("\"k-1\"", "A").block()).isInstanceOf(IdempotencyKeyInFlightException.class);
        assertThat(creations).isZero();

        first.close();
        assertThat(create("\"k-1\"", "A").block().getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theKeyIsReleasedWhenTheCreateFails() {
        assertThatThrownBy(() -> endpoint.create(exchange("\"k-1\""), new ThingRequest("A"),
                key -> Mono.error(new IllegalStateException("store away"))).block()).hasMessage("store away");

        assertThat(inFlight.isClaimed(CallerResolver.ANONYMOUS, IdempotencyKey.parse("\"k-1\""))).isFalse();
    }

    @Test
    void whenAnotherInstanceCreatedUnderTheKeyMeanwhileTheRequestIsAnsweredAsItsRetry() {
        // given another instance created A under the key after this one looked for the key
        IdempotencyRecord winner = recordOf("\"k-1\"", new ThingRequest("A"), new Thing("A", 1));

        // when this instance's insert is refused by the unique index
        ResponseEntity<Thing> response = endpoint.create(exchange("\"k-1\""), new ThingRequest("A"),
                key -> Mono.error(new AggregateWriteException.AlreadyCreated("thing", "A", winner))).block();

        // then
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).isEqualTo(new Thing("A", 1));
    }

    @Test
    void whenAnotherInstanceCreatedSomethingElseUnderTheKeyMeanwhileTheKeyIsReused() {
        IdempotencyRecord winner = recordOf("\"k-1\"", new ThingRequest("B"), new Thing("B", 1));

        assertThatThrownBy(() -> endpoint.create(exchange("\"k-1\""), new ThingRequest("A"),
                key -> Mono.error(new AggregateWriteException.AlreadyCreated("thing", "B", winner))).block())
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aMalformedKeyIsABadRequestBeforeAnythingRuns() {
        assertThatThrownBy(() -> create("\"caf\u00e9\"", "A").block()).isInstanceOf(InvalidRequestException.class);
        assertThat(creations).isZero();
    }

    private Mono<ResponseEntity<Thing>> create(String key, String code) {
        return endpoint.create(exchange(key), new ThingRequest(code), idempotency -> {
            creations++;
            Thing created = new Thing(code, 1);
            idempotency.recordFor(created).ifPresent(stored::add);
            return Mono.just(created);
        });
    }

    /** What the endpoint itself would have stored for the request, as another instance did. */
    private IdempotencyRecord recordOf(String key, ThingRequest request, Thing created) {
        List<IdempotencyRecord> records = new ArrayList<>();
        IdempotentCreates elsewhere = new IdempotentCreates((type, caller, k) -> Mono.empty(), CallerResolver.anonymous(),
                new InFlightKeys(), JSON);
        elsewhere.endpoint(ThingDocument.class, Thing.class, thing -> ResponseEntity.status(201).body(thing))
                .create(exchange(key), request, idempotency -> {
                    idempotency.recordFor(created).ifPresent(records::add);
                    return Mono.just(created);
                }).block();
        return records.get(0);
    }

    private Mono<IdempotencyRecord> find(Class<? extends OutboxAggregate> type, String caller, String key) {
        return Mono.justOrEmpty(stored.stream()
                .filter(record -> record.caller().equals(caller) && record.key().equals(key)).findFirst());
    }

    private static MockServerWebExchange exchange(String idempotencyKey) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/things");
        if (idempotencyKey != null) {
            request.header(IdempotencyKey.HEADER, idempotencyKey);
        }
        return MockServerWebExchange.from(request);
    }
}
