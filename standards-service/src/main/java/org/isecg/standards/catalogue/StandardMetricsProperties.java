package org.isecg.standards.catalogue;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * How the catalogue's business metrics are kept.
 *
 * @param countInterval how often {@code isecg.standards} and {@code isecg.standard.revisions} are
 *                      counted again from the database
 */
@Validated
@ConfigurationProperties("isecg.standards.metrics")
record StandardMetricsProperties(@NotNull @DefaultValue("30s") Duration countInterval) {
}
