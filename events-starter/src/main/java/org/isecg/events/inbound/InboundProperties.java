package org.isecg.events.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of inbound event handling.
 *
 * @param processedRetention how long a handled event's id is remembered: a redelivery comes within
 *                           minutes (a rebalance, a crash), a replay of a dead letter within days
 * @param purgeInterval      how often ids older than that are deleted; real MongoDB also expires
 *                           them by a TTL index, the embedded server only by this purge
 * @param retry              how a failing event is retried (see {@link InboundErrorHandling})
 */
@Validated
@ConfigurationProperties("isecg.inbound")
public record InboundProperties(
        @NotNull @DefaultValue("7d") Duration processedRetention,
        @NotNull @DefaultValue("1h") Duration purgeInterval,
        @NotNull @Valid @DefaultValue Retry retry) {

    /**
     * @param initialInterval    the first back-off, doubled on each attempt
     * @param maxInterval        the longest back-off; with one attempt's own timeouts it must stay
     *                           under the consumer's {@code max.poll.interval.ms} (5 min by default)
     * @param unexpectedAttempts attempts at an event failing for an unexpected reason (neither
     *                           transient nor permanent) before it is dead-lettered
     */
    public record Retry(
            @NotNull @DefaultValue("500ms") Duration initialInterval,
            @NotNull @DefaultValue("30s") Duration maxInterval,
            @Min(1) @DefaultValue("4") int unexpectedAttempts) {
    }
}
