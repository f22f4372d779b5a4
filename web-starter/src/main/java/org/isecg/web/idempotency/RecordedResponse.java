package org.isecg.web.idempotency;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.ObjectMapper;

/**
 * A response as first sent, kept to answer the retries of its request: its status, the headers the
 * controller set (e.g. {@code Location}, {@code ETag}) and its body as JSON. A replay is that
 * response again, whatever has happened to the resource since.
 */
public record RecordedResponse(int status, List<Header> headers, String body) {

    public RecordedResponse {
        headers = List.copyOf(headers);
    }

    public static RecordedResponse of(ResponseEntity<?> response, ObjectMapper json) {
        List<Header> headers = new ArrayList<>();
        response.getHeaders().forEach((name, values) -> values.forEach(value -> headers.add(new Header(name, value))));
        Object body = response.getBody();
        return new RecordedResponse(response.getStatusCode().value(), headers,
                body == null ? null : json.writeValueAsString(body));
    }

    /** The same response, its body read back into the type the controller answers with. */
    public <T> ResponseEntity<T> replay(Class<T> bodyType, ObjectMapper json) {
        HttpHeaders replayed = new HttpHeaders();
        headers.forEach(header -> replayed.add(header.name(), header.value()));
        T replayedBody = body == null ? null : json.readValue(body, bodyType);
        return ResponseEntity.status(status).headers(replayed).body(replayedBody);
    }

    public record Header(String name, String value) {
    }
}
