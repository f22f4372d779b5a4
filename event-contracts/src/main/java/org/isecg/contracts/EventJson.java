package org.isecg.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event data, used by every producer and consumer: ISO-8601 dates, absent
 * optional fields left out, and unknown fields ignored on reading so that a producer may add a
 * field without breaking older consumers.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    public static byte[] write(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /**
     * Reads event data of the given type.
     *
     * @throws MalformedEventException when the bytes are not valid data of that type
     */
    public static <E extends DomainEvent> E read(byte[] data, EventType<E> type) {
        try {
            E event = MAPPER.readValue(data, type.dataType());
            if (event == null) {
                // The JSON literal null binds to no object; without this a consumer would get null, not a dead letter.
                throw new IllegalArgumentException("the data is JSON null, not an object");
            }
            return event;
        } catch (tools.jackson.core.JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(type.name(), e);
        }
    }
}
