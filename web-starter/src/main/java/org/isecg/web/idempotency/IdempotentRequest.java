package org.isecg.web.idempotency;

import org.springframework.http.ResponseEntity;

import tools.jackson.databind.ObjectMapper;

/**
 * A request sent with an idempotency key: who sent it, the key, and what it asked for.
 *
 * @param fingerprint the {@link RequestFingerprint} of the request
 */
public record IdempotentRequest(String caller, IdempotencyKey key, String fingerprint) {

    /**
     * The answer to this request when an earlier request with the same caller and key has already
     * been answered: that first response if this is a retry of it.
     *
     * @throws IdempotencyKeyReusedException when the earlier request asked for something else
     */
    public <T> ResponseEntity<T> answerAsRetryOf(String firstFingerprint, RecordedResponse firstResponse,
            Class<T> bodyType, ObjectMapper json) {
        if (!fingerprint.equals(firstFingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        return firstResponse.replay(bodyType, json);
    }
}
