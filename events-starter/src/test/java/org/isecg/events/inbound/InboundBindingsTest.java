package org.isecg.events.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.isecg.contracts.roadmap.PlanEvent;
import org.isecg.contracts.standard.StandardEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The wiring derived from handler beans, in a bare context: no binder, no broker needed to see it. */
class InboundBindingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withPropertyValues("spring.application.name=test-service")
            .withBean(InboundBindings.class, InboundBindings::new)
            // the consumer functions wrap their handlers in it; nothing is consumed here
            .withBean(InboundEvents.class, () -> new InboundEvents(null, new SimpleMeterRegistry(), Clock.systemUTC(), null));

    @Test
    void everyHandlerBeanGetsAConsumerFunctionABindingToItsTopicAndAGroup() {
        context.withUserConfiguration(Handlers.class).run(started -> {
            assertThat(started).hasNotFailed();
            ConfigurableEnvironment environment = started.getEnvironment();
            assertThat(environment.getProperty("spring.cloud.function.definition"))
                    .isEqualTo("planWatcherConsumer;standardWatcherConsumer");
            assertThat(environment.getProperty("spring.cloud.stream.bindings.planWatcherConsumer-in-0.destination"))
                    .isEqualTo("roadmap-plans");
            assertThat(environment.getProperty("spring.cloud.stream.bindings.planWatcherConsumer-in-0.group"))
                    .isEqualTo("test-service.plan-watcher");
            assertThat(environment.getProperty("spring.cloud.stream.bindings.standardWatcherConsumer-in-0.destination"))
                    .isEqualTo("standards");
            // the relay publishes through a KafkaTemplate of its own: the binder has no output bindings
            assertThat(environment.getProperty("spring.cloud.stream.bindings.outbox-overlaps.destination")).isNull();
            assertThat(started).hasBean("planWatcherConsumer").hasBean("standardWatcherConsumer");
            assertThat(started.getBean(InboundBindings.Derived.class).bindings()).hasSize(2);
        });
    }

    @Test
    void aServiceCanStillTuneADerivedBindingInItsOwnConfiguration() {
        context.withUserConfiguration(Handlers.class)
                .withPropertyValues("spring.cloud.stream.bindings.planWatcherConsumer-in-0.group=elsewhere")
                .run(started -> assertThat(started.getEnvironment()
                        .getProperty("spring.cloud.stream.bindings.planWatcherConsumer-in-0.group")).isEqualTo("elsewhere"));
    }

    @Test
    void aHandlerWhoseTopicCannotBeDerivedStopsTheStart() {
        context.withUserConfiguration(RawHandler.class).run(started -> assertThat(started).hasFailed()
                .getFailure().hasMessageContaining("must name the events it handles"));
    }

    @Test
    void aHandlerDeclaredByABeanMethodIsFoundByItsDeclaredType() {
        context.withUserConfiguration(BeanMethodHandler.class).run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getEnvironment().getProperty("spring.cloud.stream.bindings.lambdaHandlerConsumer-in-0.destination"))
                    .isEqualTo("standards");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        PlanWatcher planWatcher() {
            return new PlanWatcher();
        }

        @Bean
        StandardWatcher standardWatcher() {
            return new StandardWatcher();
        }
    }

    static class PlanWatcher implements EventHandler<PlanEvent> {
        @Override
        public void handle(EventEnvelope<? extends PlanEvent> event) {
        }
    }

    static class StandardWatcher implements EventHandler<StandardEvent> {
        @Override
        public void handle(EventEnvelope<? extends StandardEvent> event) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BeanMethodHandler {

        @Bean
        EventHandler<StandardEvent> lambdaHandler() {
            return event -> {
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RawHandler {

        @Bean
        @SuppressWarnings("rawtypes")
        EventHandler rawHandler() {
            return event -> {
            };
        }
    }
}
