package org.isecg.events.outbox;

import org.isecg.testsupport.ContainerInfrastructureTest;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The chassis on real Kafka and MongoDB (replica set) containers: the same behaviour as on the
 * embedded servers. Skipped where there is no Docker engine.
 */
@ContainerInfrastructureTest
@Testcontainers(disabledWithoutDocker = true)
class OutboxAndInboundContainersIT extends OutboxAndInboundContract {
}
