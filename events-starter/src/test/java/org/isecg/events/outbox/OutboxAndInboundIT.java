package org.isecg.events.outbox;

import org.isecg.testsupport.EmbeddedInfrastructure;

/** The chassis on this JVM's embedded Kafka broker and Mongo wire-protocol server. */
@EmbeddedInfrastructure
class OutboxAndInboundIT extends OutboxAndInboundContract {
}
