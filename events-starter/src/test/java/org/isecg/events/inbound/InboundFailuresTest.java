package org.isecg.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.isecg.contracts.MalformedEventException;
import org.isecg.events.inbound.InboundFailures.Kind;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.messaging.MessageHandlingException;

import com.mongodb.MongoTimeoutException;

import reactor.core.publisher.Mono;

class InboundFailuresTest {

    @Test
    void anUnavailableOrSlowDatabaseOrBrokerIsTransientHoweverDeeplyWrapped() {
        assertThat(InboundFailures.classify(wrapped(new MongoTimeoutException("no server")))).isEqualTo(Kind.TRANSIENT);
        assertThat(InboundFailures.classify(wrapped(new DataAccessResourceFailureException("down")))).isEqualTo(Kind.TRANSIENT);
        assertThat(InboundFailures.classify(wrapped(new QueryTimeoutException("slow")))).isEqualTo(Kind.TRANSIENT);
        assertThat(InboundFailures.classify(wrapped(new org.apache.kafka.common.errors.TimeoutException("broker"))))
                .isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void aBlockingReadThatTimedOutIsTransientButAnyOtherIllegalStateIsUnexpected() {
        Exception timedOut = catching(() -> Mono.never().block(Duration.ofMillis(1)));

        assertThat(InboundFailures.classify(wrapped(timedOut))).isEqualTo(Kind.TRANSIENT);
        assertThat(InboundFailures.classify(wrapped(new IllegalStateException("bug")))).isEqualTo(Kind.UNEXPECTED);
        assertThat(InboundFailures.classify(wrapped(new NullPointerException()))).isEqualTo(Kind.UNEXPECTED);
    }

    @Test
    void malformedDataSchemaViolationsAndRejectedEventsArePermanentAndNameTheirReason() {
        SchemaViolationException violation = new SchemaViolationException("t.v1", List.of("/ownerAgency: missing"));

        assertThat(InboundFailures.classify(wrapped(violation))).isEqualTo(Kind.PERMANENT);
        assertThat(InboundFailures.reason(wrapped(violation))).isSameAs(violation);
        assertThat(InboundFailures.classify(wrapped(new MalformedEventException("t.v1", new RuntimeException("x")))))
                .isEqualTo(Kind.PERMANENT);
        assertThat(InboundFailures.classify(wrapped(new InvalidEventException("no")))).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void aRejectionCausedByATransientFailureIsStillPermanent() {
        InvalidEventException rejected = new InvalidEventException("no", new MongoTimeoutException("no server"));

        assertThat(InboundFailures.classify(wrapped(rejected))).isEqualTo(Kind.PERMANENT);
    }

    /** As the container hands a handler's exception to its error handler. */
    private static Exception wrapped(Exception failure) {
        return new ListenerExecutionFailedException("listener failed", new MessageHandlingException(
                org.springframework.messaging.support.MessageBuilder.withPayload("x").build(), failure));
    }

    private static Exception catching(Runnable action) {
        try {
            action.run();
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("no exception");
    }
}
