package org.isecg.gateway.limits;

import java.util.concurrent.atomic.AtomicLong;

import org.isecg.gateway.problem.EdgeProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds a body of unknown length (chunked) to the limit as it is read: past the limit the rest is
 * read and dropped, up to the drain limit, and the body ends in a 413 instead of its last bytes. The
 * gateway reads a routed body whole before it forwards it (the circuit breaker's fallback needs it
 * cached), so a body over the limit never reaches a service, and what is cached is never larger
 * than the limit.
 */
final class BodyLimit {

    private final DataSize limit;
    private final DataSize drained;

    BodyLimit(DataSize limit, DataSize drained) {
        this.limit = limit;
        this.drained = drained;
    }

    Flux<DataBuffer> apply(Flux<DataBuffer> body) {
        return Flux.defer(() -> {
            AtomicLong read = new AtomicLong();
            Flux<DataBuffer> withinLimit = body.handle((buffer, sink) -> {
                long total = read.addAndGet(buffer.readableByteCount());
                if (total <= limit.toBytes()) {
                    sink.next(buffer);
                    return;
                }
                DataBufferUtils.release(buffer);
                if (total > drained.toBytes()) {
                    sink.error(EdgeProblem.contentTooLarge(limit).closingTheConnection());
                }
            });
            return withinLimit.concatWith(Mono.defer(() -> read.get() > limit.toBytes()
                    ? Mono.error(EdgeProblem.contentTooLarge(limit))
                    : Mono.empty()));
        });
    }
}
