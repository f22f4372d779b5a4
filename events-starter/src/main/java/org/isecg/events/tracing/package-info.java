/**
 * Traces across Kafka: the trace context a write keeps with its outbox event, the span of each
 * publication and of each handled event, and the W3C headers between them.
 */
package org.isecg.events.tracing;
