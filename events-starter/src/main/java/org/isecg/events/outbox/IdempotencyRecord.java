package org.isecg.events.outbox;

import org.bson.Document;

/**
 * The idempotency key a create was made under, stored in the created aggregate's own document
 * (field {@value #FIELD}), so that the aggregate and its key are one atomic insert and neither can
 * exist without the other. A unique index on (caller, key) in every aggregate collection makes the
 * key taken for as long as the aggregate exists. The writer adds the field itself: it is no part of
 * the aggregate's record, so nothing a client sends can set or change it, and changes leave it alone.
 *
 * @param caller      who sent the create; keys are unique per caller
 * @param key         the client's key
 * @param fingerprint what the create asked for, to tell a retry from another request under the same key
 * @param response    the first response as the web layer recorded it, opaque here
 */
public record IdempotencyRecord(String caller, String key, String fingerprint, Document response) {

    /** The field of an aggregate document that holds the record. */
    public static final String FIELD = "idempotency";
    static final String CALLER = FIELD + ".caller";
    static final String KEY = FIELD + ".key";

    Document toDocument() {
        return new Document("caller", caller).append("key", key).append("fingerprint", fingerprint)
                .append("response", response);
    }

    static IdempotencyRecord from(Document stored) {
        return new IdempotencyRecord(stored.getString("caller"), stored.getString("key"),
                stored.getString("fingerprint"), stored.get("response", Document.class));
    }
}
