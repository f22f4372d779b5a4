package org.isecg.events.inbound;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Settings of inbound event handling.
 *
 * @param processedRetention how long a handled event's id is remembered: a redelivery comes within
 *                           minutes (a rebalance, a crash), a replay of a dead letter within days
 * @param purgeInterval      how often ids older than that are deleted; real MongoDB also expires
 *                           them by a TTL index, the embedded server only by this purge
 */
@Validated
@ConfigurationProperties("isecg.inbound")
public record InboundProperties(
        @NotNull @DefaultValue("7d") Duration processedRetention,
        @NotNull @DefaultValue("1h") Duration purgeInterval) {
}
