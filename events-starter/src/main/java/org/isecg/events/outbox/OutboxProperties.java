package org.isecg.events.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Settings of the outbox relay. The collections it sweeps are not among them: they are derived
 * from the service's documents ({@link OutboxCollections}).
 *
 * @param sweepInterval how often the relay looks for events that no write signalled (after a crash,
 *                      or a publication that failed); normal latency does not depend on it
 * @param lease         how long one relay instance owns a document's outbox; another instance may
 *                      take over after it, so it must exceed the longest publication
 * @param batchSize     how many documents one sweep relays at most
 */
@Validated
@ConfigurationProperties("isecg.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("2s") Duration sweepInterval,
        @NotNull @DefaultValue("30s") Duration lease,
        @Positive @DefaultValue("100") int batchSize) {
}
