package org.isecg.events.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.isecg.contracts.DomainEvent;
import org.isecg.contracts.EventType;
import org.isecg.contracts.EventTypes;

/**
 * Where one {@link EventHandler} reads from, derived from the events it handles: the one topic they
 * are published on, a binding named after the handler and a consumer group of its own, so that the
 * handlers of one service are rebalanced, lag and are replayed independently.
 *
 * @param consumer the handler's bean name in kebab case, e.g. {@code agency-replica}; processed
 *                 events are recorded per consumer
 * @param topic    the topic of the handled events
 * @param group    {@code <application>.<consumer>}
 * @param handled  the event types of the topic the handler receives
 */
public record InboundBinding(String consumer, String handlerBean, String topic, String group,
        List<EventType<?>> handled) {

    private static final Pattern CAMEL_HUMP = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    public InboundBinding {
        handled = List.copyOf(handled);
    }

    /**
     * @throws IllegalStateException when the handled events are published on no topic or on more
     *                               than one: a handler reads exactly one topic
     */
    public static InboundBinding of(String handlerBean, Class<?> handlerType, Class<?> eventType, String application) {
        if (eventType == null || !DomainEvent.class.isAssignableFrom(eventType) || eventType == DomainEvent.class) {
            throw new IllegalStateException("event handler '" + handlerBean + "' (" + handlerType.getName()
                    + ") must name the events it handles, e.g. implements EventHandler<AgencyEvent>, so that its "
                    + "topic can be derived");
        }
        List<EventType<?>> handled = EventTypes.ALL.stream()
                .filter(type -> eventType.isAssignableFrom(type.dataType())).toList();
        Set<String> topics = new TreeSet<>();
        handled.forEach(type -> topics.add(type.topic()));
        if (topics.size() != 1) {
            throw new IllegalStateException("event handler '" + handlerBean + "' handles " + eventType.getName()
                    + ", which is published on " + (topics.isEmpty() ? "no topic" : "the topics " + topics)
                    + "; a handler reads exactly one topic");
        }
        String consumer = kebab(handlerBean);
        return new InboundBinding(consumer, handlerBean, topics.iterator().next(), application + "." + consumer, handled);
    }

    /**
     * The bean name of the binder function that feeds the handler, e.g. {@code agencyReplicaConsumer}:
     * never the handler's own name, nor a name the binder gives its channels.
     */
    public String functionName() {
        return handlerBean + "Consumer";
    }

    /** The binder's input binding of the consumer function, e.g. {@code agencyReplicaConsumer-in-0}. */
    public String bindingName() {
        return functionName() + "-in-0";
    }

    /** The binder's dead-letter topic for this binding ({@code error.<topic>.<group>}). */
    public String deadLetterTopic() {
        return "error." + topic + "." + group;
    }

    static String kebab(String beanName) {
        return CAMEL_HUMP.matcher(beanName).replaceAll("-").toLowerCase(Locale.ROOT);
    }
}
