package org.isecg.events.web;

import java.util.Optional;
import java.util.function.Function;

import org.isecg.events.outbox.AggregateWriteException;
import org.isecg.events.outbox.IdempotencyRecord;
import org.isecg.events.outbox.OutboxAggregate;
import org.isecg.web.idempotency.CallerResolver;
import org.isecg.web.idempotency.IdempotencyKey;
import org.isecg.web.idempotency.IdempotencyKeyInFlightException;
import org.isecg.web.idempotency.IdempotentRequest;
import org.isecg.web.idempotency.InFlightKeys;
import org.isecg.web.idempotency.RequestFingerprint;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectMapper;

/**
 * Create endpoints that honour the {@code Idempotency-Key} header. A controller makes one
 * {@link Endpoint} per create operation and hands each request to it:
 *
 * <ul>
 * <li>without the header, the create runs as it would without this class;</li>
 * <li>with a key that this instance is processing right now, {@code 409} at once;</li>
 * <li>with a key an aggregate was already created under: that create's response again if the
 * request is the same (same fingerprint), else {@code 422}; nothing is created;</li>
 * <li>with a new key: the create runs and stores the key and its response in the new aggregate's
 * document. Should another instance have created an aggregate under the same key meanwhile, the
 * unique index refuses this insert, and the request is answered as a retry of the other one.</li>
 * </ul>
 */
public class IdempotentCreates {

    private final KeyLookup lookup;
    private final CallerResolver callers;
    private final InFlightKeys inFlight;
    private final ObjectMapper json;

    public IdempotentCreates(KeyLookup lookup, CallerResolver callers, InFlightKeys inFlight, ObjectMapper json) {
        this.lookup = lookup;
        this.callers = callers;
        this.inFlight = inFlight;
        this.json = json;
    }

    /**
     * A create operation.
     *
     * @param stored   the aggregate it creates; the keys of its creates are kept in its collection
     * @param bodyType what it answers with, to read a recorded body back
     * @param respond  the response to a successful create, e.g. {@code 201} with Location and ETag
     */
    public <T> Endpoint<T> endpoint(Class<? extends OutboxAggregate> stored, Class<T> bodyType,
            Function<T, ResponseEntity<T>> respond) {
        return new Endpoint<>(stored, bodyType, respond);
    }

    /** Where the keys of earlier creates are found: {@code AggregateWriter::findCreatedUnder}. */
    @FunctionalInterface
    public interface KeyLookup {

        Mono<IdempotencyRecord> findCreatedUnder(Class<? extends OutboxAggregate> type, String caller, String key);
    }

    /** One create operation that honours idempotency keys. */
    public final class Endpoint<T> {

        private final Class<? extends OutboxAggregate> stored;
        private final Class<T> bodyType;
        private final Function<T, ResponseEntity<T>> respond;

        private Endpoint(Class<? extends OutboxAggregate> stored, Class<T> bodyType, Function<T, ResponseEntity<T>> respond) {
            this.stored = stored;
            this.bodyType = bodyType;
            this.respond = respond;
        }

        /**
         * Answers the request.
         *
         * @param request the request record, whose {@link RequestFingerprint} tells a retry from another request
         * @param create  the feature's create, which stores {@link IdempotentCreate#recordFor} with the new aggregate
         */
        public Mono<ResponseEntity<T>> create(ServerWebExchange exchange, Object request,
                Function<IdempotentCreate<T>, Mono<T>> create) {
            return Mono.defer(() -> {
                Optional<IdempotencyKey> key = IdempotencyKey.from(exchange.getRequest().getHeaders());
                if (key.isEmpty()) {
                    return create.apply(IdempotentCreate.none()).map(respond);
                }
                return callers.callerOf(exchange).flatMap(caller ->
                        once(new IdempotentRequest(caller, key.get(), RequestFingerprint.of(request)), create));
            });
        }

        private Mono<ResponseEntity<T>> once(IdempotentRequest request, Function<IdempotentCreate<T>, Mono<T>> create) {
            return Mono.using(
                    () -> inFlight.claim(request.caller(), request.key())
                            .orElseThrow(() -> new IdempotencyKeyInFlightException(request.key())),
                    claim -> lookup.findCreatedUnder(stored, request.caller(), request.key().value())
                            .map(first -> answerAsRetry(request, first))
                            .switchIfEmpty(Mono.defer(() -> create.apply(new IdempotentCreate<>(request, respond, json))
                                    .map(respond)))
                            .onErrorResume(AggregateWriteException.AlreadyCreated.class,
                                    concurrent -> Mono.fromCallable(() -> answerAsRetry(request, concurrent.record()))),
                    InFlightKeys.Claim::close);
        }

        private ResponseEntity<T> answerAsRetry(IdempotentRequest request, IdempotencyRecord first) {
            return request.answerAsRetryOf(first.fingerprint(),
                    IdempotentCreate.ResponseDocuments.fromDocument(first.response()), bodyType, json);
        }
    }
}
