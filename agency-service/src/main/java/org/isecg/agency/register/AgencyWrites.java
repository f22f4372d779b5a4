package org.isecg.agency.register;

import java.util.function.Supplier;

import org.isecg.events.outbox.AggregateWriteException;
import org.isecg.web.problem.HubProblem;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The counter {@code isecg.agency.writes{operation, outcome}}: every write that reached the register,
 * by what it was ({@code register}, {@code update}, {@code deactivate}, {@code reactivate}) and how it
 * ended: {@code success}, or the slug of the problem it was refused with ({@code version-mismatch},
 * {@code version-required}, {@code conflict}, {@code not-found}, {@code rule-violation}, ...), or
 * {@code error}. A body the API cannot read never reaches the register; the HTTP server's metrics
 * count those by status.
 */
@Component
class AgencyWrites {

    private final MeterRegistry meters;

    AgencyWrites(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The write, counted by its outcome once it ends; deferred so that a refusal thrown while building it counts too. */
    <T> Mono<T> counted(String operation, Supplier<Mono<T>> write) {
        return Mono.defer(write)
                .doOnSuccess(done -> counter(operation, "success").increment())
                .doOnError(e -> counter(operation, outcome(e)).increment());
    }

    private Counter counter(String operation, String outcome) {
        return Counter.builder("isecg.agency.writes")
                .description("Writes to the agency register, by operation and outcome")
                .tag("operation", operation).tag("outcome", outcome)
                .register(meters);
    }

    private static String outcome(Throwable e) {
        if (e instanceof HubProblem problem) {
            String type = problem.type().getPath();
            return type.substring(type.lastIndexOf('/') + 1);
        }
        if (e instanceof AggregateWriteException.AlreadyExists) {
            return "conflict";
        }
        if (e instanceof AggregateWriteException.NotFound) {
            return "not-found";
        }
        if (e instanceof AggregateWriteException.StaleVersion) {
            return "version-mismatch";
        }
        return "error";
    }
}
