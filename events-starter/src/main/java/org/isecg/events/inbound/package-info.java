/**
 * Consuming other services' events: decoding CloudEvents from Kafka records, idempotency by event
 * id, the producer's trace continued in each handler, and metrics of event age and outcome.
 */
package org.isecg.events.inbound;
