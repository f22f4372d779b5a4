package org.isecg.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.isecg.gateway.problem.EdgeProblem;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import io.netty.buffer.UnpooledByteBufAllocator;
import reactor.core.publisher.Flux;

/** A body of unknown length held to the limit as it is read, its overshoot drained and released. */
class BodyLimitTest {

    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));
    private final BodyLimit limit = new BodyLimit(DataSize.ofBytes(250), DataSize.ofBytes(1000));

    @Test
    void aBodyWithinTheLimitPassesWhole() {
        // given
        List<DataBuffer> chunks = chunks(5, 50);

        // when
        List<DataBuffer> passed = limit.apply(Flux.fromIterable(chunks)).collectList().block();

        // then
        assertThat(passed).containsExactlyElementsOf(chunks);
    }

    @Test
    void aBodyOverTheLimitIsReadToTheEndAndEndsInAContentTooLargeProblem() {
        // given 500 bytes against a limit of 250, within the 1000 drained
        List<DataBuffer> chunks = chunks(10, 50);
        List<DataBuffer> passed = new ArrayList<>();

        // when / then
        assertThatThrownBy(() -> limit.apply(Flux.fromIterable(chunks)).doOnNext(passed::add).blockLast())
                .isInstanceOfSatisfying(EdgeProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(problem.getBody().getDetail()).contains("250 bytes");
                    assertThat(problem.getHeaders().getConnection()).isEmpty();
                });
        assertThat(passed).hasSize(5);
        assertThat(chunks.subList(5, 10)).as("what was over the limit is released")
                .allSatisfy(chunk -> assertThat(NettyDataBufferFactory.toByteBuf(chunk).refCnt()).isZero());
    }

    @Test
    void aBodyPastTheDrainLimitStopsBeingReadAndClosesTheConnection() {
        // given 2000 bytes, twice what is drained
        List<DataBuffer> chunks = chunks(40, 50);

        // when / then
        assertThatThrownBy(() -> limit.apply(Flux.fromIterable(chunks)).blockLast())
                .isInstanceOfSatisfying(EdgeProblem.class,
                        problem -> assertThat(problem.getHeaders().getConnection()).containsExactly("close"));
        assertThat(NettyDataBufferFactory.toByteBuf(chunks.get(39)).refCnt()).as("the rest is never read").isOne();
    }

    private List<DataBuffer> chunks(int count, int size) {
        List<DataBuffer> chunks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunks.add(buffers.wrap(new byte[size]));
        }
        return chunks;
    }
}
