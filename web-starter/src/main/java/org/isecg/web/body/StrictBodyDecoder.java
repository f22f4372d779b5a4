package org.isecg.web.body;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isecg.web.problem.RefusedFieldsException;
import org.isecg.web.problem.RefusedFieldsException.RefusedField;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's JSON decoder: a mapper that fails on unknown fields, with a {@link RefusedFieldCollector}
 * given a fresh collection per body, so that a body with fields it may not set is refused with all of
 * them ({@link RefusedFieldsException}). A {@code Mono} or single body is decoded here; a {@code Flux}
 * of bodies (no service takes one) still fails on the first such field.
 */
final class StrictBodyDecoder extends JacksonJsonDecoder {

    private static final String REFUSED = StrictBodyDecoder.class.getName() + ".REFUSED";

    StrictBodyDecoder(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
        Map<String, RefusedField> refused = new LinkedHashMap<>();
        Map<String, Object> withRefused = new HashMap<>(hints == null ? Map.of() : hints);
        withRefused.put(REFUSED, refused);
        // a value of the wrong kind fails the read at once and is answered as before: a record's refused
        // fields are only known once the record is read whole, so they are named when the rest of the body reads
        Object value = super.decode(buffer, targetType, mimeType, withRefused);
        if (!refused.isEmpty()) {
            throw refusal(refused);
        }
        return value;
    }

    @Override
    protected ObjectReader customizeReader(ObjectReader reader, ResolvableType elementType, Map<String, Object> hints) {
        ObjectReader customized = super.customizeReader(reader, elementType, hints);
        Object refused = hints == null ? null : hints.get(REFUSED);
        return refused == null ? customized : customized.withAttribute(RefusedFieldCollector.ATTRIBUTE, refused);
    }

    private static DecodingException refusal(Map<String, RefusedField> refused) {
        return new DecodingException("the request body sets fields it may not",
                new RefusedFieldsException(List.copyOf(refused.values())));
    }
}
