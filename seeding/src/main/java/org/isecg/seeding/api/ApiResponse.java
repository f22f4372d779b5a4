package org.isecg.seeding.api;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * An answer of the Hub's API.
 *
 * @param body the JSON body; a missing node when there is none or it is not JSON
 * @param etag the {@code ETag} header with its quotes, if any
 */
public record ApiResponse(int status, JsonNode body, Optional<String> etag) {

    /** {@code 409 /problems/rule-violation: detail}, from a problem detail as far as it goes. */
    public String describe() {
        StringBuilder text = new StringBuilder(String.valueOf(status));
        String type = body.path("type").asString("");
        String detail = body.path("detail").asString(body.path("title").asString(""));
        if (!type.isEmpty()) {
            text.append(' ').append(type);
        }
        if (!detail.isEmpty()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
