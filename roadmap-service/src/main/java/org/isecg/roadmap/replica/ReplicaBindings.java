package org.isecg.roadmap.replica;

import java.util.function.Consumer;

import org.isecg.support.inbound.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The binder consumers that keep the replicas; topics and group are in application.yml. */
@Configuration(proxyBeanMethods = false)
class ReplicaBindings {

    @Bean
    Consumer<Message<byte[]>> agencyEvents(InboundEvents inbound, AgencyReplica replica) {
        return inbound.consumer("agency-replica", replica);
    }

    @Bean
    Consumer<Message<byte[]>> standardEvents(InboundEvents inbound, StandardReplica replica) {
        return inbound.consumer("standard-replica", replica);
    }
}
