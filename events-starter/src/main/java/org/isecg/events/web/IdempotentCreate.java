package org.isecg.events.web;

import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.isecg.events.outbox.IdempotencyRecord;
import org.isecg.web.idempotency.IdempotentRequest;
import org.isecg.web.idempotency.RecordedResponse;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.ObjectMapper;

/**
 * The idempotency key a create is made under, if any, as the feature's service sees it: it hands
 * {@link #recordFor} the resource it is about to create and passes the result to
 * {@code AggregateWriter.create}, which stores it in the same insert.
 *
 * @param <T> what the create answers with, e.g. the agency entry
 */
public final class IdempotentCreate<T> {

    private static final IdempotentCreate<?> NONE = new IdempotentCreate<>(null, null, null);

    private final IdempotentRequest request;
    private final Function<T, ResponseEntity<T>> respond;
    private final ObjectMapper json;

    IdempotentCreate(IdempotentRequest request, Function<T, ResponseEntity<T>> respond, ObjectMapper json) {
        this.request = request;
        this.respond = respond;
        this.json = json;
    }

    /** A create without key, e.g. from a test or a request that did not send one. */
    @SuppressWarnings("unchecked")
    public static <T> IdempotentCreate<T> none() {
        return (IdempotentCreate<T>) NONE;
    }

    /**
     * What to store with the created resource: the key and the response the client will get, so that
     * its retries get the same; empty without key.
     */
    public Optional<IdempotencyRecord> recordFor(T created) {
        if (request == null) {
            return Optional.empty();
        }
        RecordedResponse response = RecordedResponse.of(respond.apply(created), json);
        return Optional.of(new IdempotencyRecord(request.caller(), request.key().value(), request.fingerprint(),
                ResponseDocuments.toDocument(response)));
    }

    /** A recorded response in the aggregate document and back. */
    static final class ResponseDocuments {

        private ResponseDocuments() {
        }

        static Document toDocument(RecordedResponse response) {
            return new Document("status", response.status())
                    .append("headers", response.headers().stream()
                            .map(header -> new Document("name", header.name()).append("value", header.value())).toList())
                    .append("body", response.body());
        }

        static RecordedResponse fromDocument(Document stored) {
            return new RecordedResponse(stored.getInteger("status"),
                    stored.getList("headers", Document.class).stream()
                            .map(header -> new RecordedResponse.Header(header.getString("name"), header.getString("value")))
                            .toList(),
                    stored.getString("body"));
        }
    }
}
