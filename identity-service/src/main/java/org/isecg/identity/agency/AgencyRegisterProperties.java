package org.isecg.identity.agency;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Where the issuer reads the agencies' statuses ({@code isecg.identity.agency-register} in application.yml).
 *
 * @param enabled          whether to read them at all; off where the agencies' own provider issues the
 *                         tokens and this issuer does not run, or where no register runs beside it
 * @param bootstrapServers the Kafka brokers, the same the services use ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topic            the register's compacted topic, {@code agencies}
 * @param catchUp          how long the start waits to have read the topic to its end before the issuer
 *                         answers token requests; past it the issuer starts anyway, agencies not yet
 *                         read counting as active
 * @param retryBackoff     the pause after Kafka failed, before the reader tries again
 */
@ConfigurationProperties("isecg.identity.agency-register")
@Validated
public record AgencyRegisterProperties(
        boolean enabled,
        @NotBlank String bootstrapServers,
        @NotBlank String topic,
        @NotNull @DurationMin(seconds = 0) @DurationMax(minutes = 5) Duration catchUp,
        @NotNull @DurationMin(millis = 100) @DurationMax(minutes = 5) Duration retryBackoff) {
}
