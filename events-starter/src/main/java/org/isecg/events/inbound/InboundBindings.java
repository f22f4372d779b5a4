package org.isecg.events.inbound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.messaging.Message;

/**
 * Derives the binder's wiring from code, so that nothing is listed twice: for every
 * {@link EventHandler} bean, a consumer function and its input binding (destination and group, from
 * {@link InboundBinding}); for every topic of the contracts, the relay's output binding. The result
 * is one property source, {@value #PROPERTY_SOURCE}, visible like any other in
 * {@code /actuator/env}, at the lowest precedence so that a service may still tune a binding in its
 * own configuration (e.g. a consumer's back-off), and the list of bindings as the bean
 * {@code derivedInboundBindings}.
 *
 * <p>It runs before any bean is created, when every bean definition is known but none is
 * instantiated, which is when the binder and Spring Cloud Function have not yet read their
 * properties. A handler whose events cannot be placed on exactly one topic stops the start.
 */
public class InboundBindings implements BeanDefinitionRegistryPostProcessor, EnvironmentAware, PriorityOrdered {

    public static final String PROPERTY_SOURCE = "isecg-derived-bindings";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        // bean definitions of @Bean methods are complete only in postProcessBeanFactory
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
        String application = environment.getRequiredProperty("spring.application.name");
        List<InboundBinding> bindings = new ArrayList<>();
        for (String name : beanFactory.getBeanNamesForType(EventHandler.class, true, false)) {
            ResolvableType type = beanFactory.getMergedBeanDefinition(name).getResolvableType();
            if (type.resolve() == null || !EventHandler.class.isAssignableFrom(type.toClass())) {
                type = ResolvableType.forClass(beanFactory.getType(name, false));
            }
            Class<?> events = type.as(EventHandler.class).getGeneric(0).resolve();
            bindings.add(InboundBinding.of(name, type.toClass(), events, application));
        }
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
        for (InboundBinding binding : bindings) {
            registry.registerBeanDefinition(binding.functionName(), consumerDefinition(beanFactory, binding));
        }
        beanFactory.registerSingleton("derivedInboundBindings", new Derived(List.copyOf(bindings)));
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, properties(bindings)));
    }

    static Map<String, Object> properties(List<InboundBinding> bindings) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.cloud.function.definition",
                bindings.stream().map(InboundBinding::functionName).collect(Collectors.joining(";")));
        for (InboundBinding binding : bindings) {
            String prefix = "spring.cloud.stream.bindings." + binding.bindingName();
            properties.put(prefix + ".destination", binding.topic());
            properties.put(prefix + ".group", binding.group());
        }
        return properties;
    }

    private static BeanDefinition consumerDefinition(ConfigurableListableBeanFactory beanFactory, InboundBinding binding) {
        RootBeanDefinition definition = new RootBeanDefinition();
        // the binder converts input by the function's declared type: raw bytes, decoded by InboundEvents
        definition.setTargetType(ResolvableType.forClassWithGenerics(Consumer.class,
                ResolvableType.forClassWithGenerics(Message.class, byte[].class)));
        definition.setInstanceSupplier(() -> beanFactory.getBean(InboundEvents.class)
                .consumer(binding, beanFactory.getBean(binding.handlerBean(), EventHandler.class)));
        return definition;
    }

    /** Ahead of Spring Cloud Stream's and Spring Cloud Function's own post-processors. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /** The bindings derived for this service's handlers. */
    public record Derived(List<InboundBinding> bindings) {
    }
}
