package org.isecg.notification.standards;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;

import reactor.core.publisher.Mono;

/**
 * The operator's view of the notifier's standard projection, on the management port (hub.operator,
 * like the dead letters): {@code GET /actuator/standards} lists every standard known with its version
 * and the status of each revision; {@code GET /actuator/standards/{code}} is one standard's whole state,
 * a 404 problem when the notifier has seen no v2 event of it. It shows whether the projection is where
 * standards-service is, without reading its database.
 */
@Component
@Endpoint(id = "standards")
public class StandardsEndpoint {

    private static final MimeType PROBLEM = MimeType.valueOf("application/problem+json");

    private final StandardProjection projection;

    StandardsEndpoint(StandardProjection projection) {
        this.projection = projection;
    }

    @ReadOperation
    public Mono<List<StandardSummary>> standards() {
        return projection.all().map(StandardSummary::of).collectList();
    }

    /** One standard's state as its latest applied event carried it. */
    @ReadOperation
    public Mono<WebEndpointResponse<Object>> standard(@Selector String code) {
        return projection.read(code)
                .map(state -> new WebEndpointResponse<Object>(state))
                .defaultIfEmpty(new WebEndpointResponse<>(unknown(code), HttpStatus.NOT_FOUND.value(), PROBLEM));
    }

    private static ProblemDetail unknown(String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "The notifier has seen no event of a standard with code '" + code + "'.");
        problem.setTitle("Unknown standard");
        return problem;
    }
}
