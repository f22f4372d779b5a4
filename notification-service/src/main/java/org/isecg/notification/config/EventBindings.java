package org.isecg.notification.config;

import java.util.function.Consumer;

import org.isecg.support.inbound.EventHandler;
import org.isecg.support.inbound.InboundEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The binder consumers; their topics, group and dead-letter settings are in application.yml
 * ({@code planEvents-in-0}, {@code overlapEvents-in-0}).
 */
@Configuration(proxyBeanMethods = false)
class EventBindings {

    /** Plan events drive overlap detection. */
    @Bean
    Consumer<Message<byte[]>> planEvents(InboundEvents inbound, @Qualifier("overlapDetector") EventHandler detector) {
        return inbound.consumer("overlap-detection", detector);
    }

    /** The notifier's own overlap events drive delivery, so a delivery never depends on detection running again. */
    @Bean
    Consumer<Message<byte[]>> overlapEvents(InboundEvents inbound, @Qualifier("inboxDelivery") EventHandler delivery) {
        return inbound.consumer("inbox-delivery", delivery);
    }
}
