/**
 * Tracing of every request: Micrometer Tracing on OpenTelemetry continues the caller's W3C trace
 * context (or starts a trace), puts the trace and span ids in every log line, and this package
 * answers the trace id to the caller in {@code X-Correlation-Id}.
 */
package org.isecg.web.tracing;
