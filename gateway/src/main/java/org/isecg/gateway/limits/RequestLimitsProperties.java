package org.isecg.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * What one request may carry (OWASP API4). Each limit answers a problem detail; Netty's own decoder
 * limits ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size})
 * sit above the first two as a ceiling, past which Netty closes the connection with an empty answer.
 *
 * @param maxBodySize      the largest request body: 413 above it
 * @param maxDrainedBody   a body over the limit is read and dropped up to this size before the 413, so
 *                         the client finishes sending and reads the answer instead of a connection reset;
 *                         past it the gateway answers at once and closes the connection
 * @param maxUriLength     the longest request target (path and query, as sent): 414 above it
 * @param maxHeaderSize    the most all header names and values may add up to: 431 above it
 */
@Validated
@ConfigurationProperties("isecg.gateway.limits")
public record RequestLimitsProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("16MB") DataSize maxDrainedBody,
        @NotNull @DefaultValue("4KB") DataSize maxUriLength,
        @NotNull @DefaultValue("16KB") DataSize maxHeaderSize) {
}
