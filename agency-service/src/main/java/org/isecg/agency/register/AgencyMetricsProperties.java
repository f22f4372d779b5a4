package org.isecg.agency.register;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the register's business metrics are kept.
 *
 * @param countInterval how often {@code isecg.agencies} is counted again from the database
 */
@Validated
@ConfigurationProperties("isecg.agency.metrics")
record AgencyMetricsProperties(@NotNull @DefaultValue("30s") Duration countInterval) {
}
