package org.isecg.web.body;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;

import org.isecg.web.problem.RefusedFieldsException.RefusedField;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * Notes every field of a body that its record does not have, where in the body it is and whether
 * the record declares it {@link ServerOwned}, and skips its value so that reading goes on and the
 * refusal can name them all. Collects only where the reader carries a collection under
 * {@link #ATTRIBUTE} ({@link StrictBodyDecoder}); elsewhere Jackson fails on the first such field as usual.
 */
final class RefusedFieldCollector extends DeserializationProblemHandler {

    /** The reader attribute holding the {@code Map<String, RefusedField>} of one body, by path. */
    static final Object ATTRIBUTE = RefusedFieldCollector.class;

    @Override
    @SuppressWarnings("unchecked")
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
            ValueDeserializer<?> deserializer, Object beanOrClass, String name) {
        if (!(context.getAttribute(ATTRIBUTE) instanceof Map<?, ?> found)) {
            return false;
        }
        Class<?> owner = beanOrClass instanceof Class<?> type ? type
                : beanOrClass != null ? beanOrClass.getClass() : deserializer.handledType();
        String path = path(context.getParser(), parser, name);
        ((Map<String, RefusedField>) found).putIfAbsent(path, new RefusedField(path, serverOwned(owner, name)));
        parser.skipChildren();
        return true;
    }

    private static boolean serverOwned(Class<?> owner, String name) {
        ServerOwned declared = owner == null ? null : owner.getAnnotation(ServerOwned.class);
        return declared != null && Arrays.asList(declared.value()).contains(name);
    }

    /**
     * Where the field is in the body, {@code revisions[1].id}. The body's own parser says which object
     * the field is in; how depends on when Jackson reports the field: at once, with the parser on its
     * value, or (for a record, whose constructor needs its arguments first) from a buffer replayed once
     * the arguments are in, with the body's parser on the object's end or still inside it.
     */
    static String path(JsonParser body, JsonParser reporting, String name) {
        TokenStreamContext context = body.streamReadContext();
        JsonToken token = body.currentToken();
        String object;
        if (reporting == body) {
            TokenStreamContext own = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY
                    ? context.getParent() : context;
            object = slot(own.getParent());
        } else if (token == JsonToken.END_OBJECT) {
            object = slot(context);
        } else {
            object = slot(context.getParent());
        }
        return object.isEmpty() ? name : object + "." + name;
    }

    /** The place of a context's current entry in the body: {@code revisions[0]}, {@code window}; empty at the root. */
    private static String slot(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
            if (level.inArray()) {
                parts.push("[" + level.getCurrentIndex() + "]");
            } else if (level.currentName() != null) {
                parts.push("." + level.currentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }
}
