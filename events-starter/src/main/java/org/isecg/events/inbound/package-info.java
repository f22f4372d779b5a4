/**
 * Consuming other services' events: decoding CloudEvents from Kafka records, idempotency by event
 * id, correlation ids in the logs, and metrics of event age and outcome.
 */
package org.isecg.events.inbound;
