package org.isecg.events.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.isecg.events.inbound.InboundFailures.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The error handling of every derived input binding, in the listener container rather than in the
 * binder: the binder retries once in memory ({@code max-attempts: 1}) and has no dead-letter topic
 * of its own ({@code enable-dlq: false}), so what a handler throws reaches the container's
 * {@link DefaultErrorHandler}, which decides by {@link InboundFailures}:
 *
 * <ul>
 * <li>transient: retried for ever with exponential back-off capped at {@code isecg.inbound.retry.max-interval};
 * the handler seeks the partition back to the failed record, so no later event of it overtakes, and
 * re-polls after each back-off, so the consumer never exceeds {@code max.poll.interval.ms} (the cap
 * plus one attempt, each bounded by its own timeouts, stays well under its 5 minutes);</li>
 * <li>permanent: to the dead-letter topic at once;</li>
 * <li>unexpected: {@code isecg.inbound.retry.unexpected-attempts} attempts, then the dead-letter topic.</li>
 * </ul>
 *
 * <p>A dead letter keeps the record's key, value and headers; spring-kafka adds the
 * {@code kafka_dlt-*} headers (original topic, partition, offset, exception class, message and stack
 * trace), and this handler {@value #REASON} (the message of the exception the failure was classified
 * by, e.g. the schema violations) and {@value #KIND}. Its topic is the binding's
 * {@link InboundBinding#deadLetterTopic()}, partitioned by key. Should the dead-letter topic itself
 * be unreachable, the record is retried rather than lost.
 */
public class InboundErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

    /** The header naming why an event was dead-lettered. */
    public static final String REASON = "isecg_dlt-reason";
    /** The header naming the kind of failure, {@code PERMANENT} or {@code UNEXPECTED}. */
    public static final String KIND = "isecg_dlt-kind";

    private static final Logger log = LoggerFactory.getLogger(InboundErrorHandling.class);

    private final InboundBindings.Derived bindings;
    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final InboundProperties.Retry retry;
    private final MeterRegistry meters;

    public InboundErrorHandling(InboundBindings.Derived bindings, KafkaOperations<byte[], byte[]> deadLetters,
            InboundProperties.Retry retry, MeterRegistry meters) {
        this.bindings = bindings;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.meters = meters;
    }

    /** Neither the binder's in-memory retry nor its own dead-letter handler: the container does both. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        bindings.bindings().stream().filter(binding -> binding.group().equals(group)).findFirst()
                .ifPresent(binding -> container.setCommonErrorHandler(errorHandler(binding)));
    }

    DefaultErrorHandler errorHandler(InboundBinding binding) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, failure) -> new TopicPartition(binding.deadLetterTopic(), -1));
        recoverer.setHeadersFunction((record, failure) -> reasonHeaders(binding, failure));
        // a dead letter is sent synchronously: if it cannot be, the record is retried, not skipped
        recoverer.setFailIfSendResultIsError(true);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, unexpected());
        handler.setBackOffFunction((record, failure) -> switch (InboundFailures.classify(failure)) {
            case TRANSIENT -> transientBackOff();
            case PERMANENT -> new FixedBackOff(0, 0);
            case UNEXPECTED -> unexpected();
        });
        // the kind may change between attempts (MongoDB comes back and the handler then rejects)
        handler.setResetStateOnExceptionChange(true);
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    private Headers reasonHeaders(InboundBinding binding, Exception failure) {
        Kind kind = InboundFailures.classify(failure);
        Throwable reason = InboundFailures.reason(failure);
        String message = reason.getClass().getName() + ": " + reason.getMessage();
        log.warn("dead-lettering an event of {} to {} ({}): {}", binding.topic(), binding.deadLetterTopic(), kind, message);
        Counter.builder("isecg.events.dead-lettered").tag("consumer", binding.consumer()).tag("kind", kind.name())
                .description("Events sent to a dead-letter topic, by kind of failure").register(meters).increment();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, message.getBytes(UTF_8));
        headers.add(KIND, kind.name().getBytes(UTF_8));
        return headers;
    }

    private BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    private BackOff unexpected() {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        // retries after the first attempt
        backOff.setMaxAttempts(retry.unexpectedAttempts() - 1L);
        return backOff;
    }

    /** Unused: the binder calls the overload with the consumer properties when one exists. */
    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff);
    }
}
