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
 * @param batchSize     how many documents the relay claims, publishes and removes together: one
 *                      claim and one removal cost the same round trips for a batch as for one
 *                      document, so a burst of writes is relayed in batches of up to this size, while
 *                      a lone write is relayed on its own, at once
 * @param concurrency   how many batches one instance relays at once; more overlap one batch's
 *                      round trips to MongoDB with another's wait for the broker
 * @param instanceId    this instance's identity as a lease owner: stable across restarts, so that a
 *                      restarted instance reclaims its own leases at once, and never shared by two
 *                      running instances. Unset, it is {@code <application>@<host>:<server.port>}
 *                      (the host is {@code HOSTNAME}, a pod's name in Kubernetes), or, where no
 *                      {@code server.port} is set, that with a random suffix: unique, but not stable
 */
@Validated
@ConfigurationProperties("isecg.outbox")
public record OutboxProperties(
        @NotNull @DefaultValue("2s") Duration sweepInterval,
        @NotNull @DefaultValue("30s") Duration lease,
        @Positive @DefaultValue("100") int batchSize,
        @Positive @DefaultValue("2") int concurrency,
        String instanceId) {
}
