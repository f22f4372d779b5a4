package org.isecg.events.web;

import org.isecg.events.outbox.AggregateWriter;
import org.isecg.events.outbox.OutboxAutoConfiguration;
import org.isecg.web.idempotency.CallerResolver;
import org.isecg.web.idempotency.IdempotencyAutoConfiguration;
import org.isecg.web.idempotency.InFlightKeys;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.ObjectMapper;

/** Create endpoints with idempotency keys, where the service has an HTTP API on the web starter. */
@AutoConfiguration(after = {OutboxAutoConfiguration.class, IdempotencyAutoConfiguration.class})
@ConditionalOnClass(name = "org.isecg.web.idempotency.IdempotencyKey")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class IdempotentCreatesAutoConfiguration {

    @Bean
    IdempotentCreates idempotentCreates(AggregateWriter writer, CallerResolver callers, InFlightKeys inFlight,
            ObjectMapper json) {
        return new IdempotentCreates(writer::findCreatedUnder, callers, inFlight, json);
    }
}
