package org.isecg.web.problem;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.ResolvableType;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.IgnoredPropertyException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * A request body Jackson could not read, told in the client's terms: which field (as a path into the
 * JSON, {@code revisions[0].keyParameters[bus_voltage]}) and what JSON it takes there. The expected
 * type comes from the declared type of the body, walked along the failure's path, so that a set of
 * enums reads "an array of values each one of [...]" rather than its Java type; nothing of the
 * exception's own message, which names classes and parser internals, reaches the client.
 *
 * @param field   the path of the field, empty when the body as a whole could not be read
 * @param message what is wrong, as a predicate of the field ("must be a string, not an array")
 *                or a sentence about a value ("'VENUS' is not one of [...]")
 */
record UnreadableBody(String field, String message) {

    static UnreadableBody of(JacksonException e, ResolvableType body) {
        if (isSyntax(e)) {
            // where the text stops being JSON says more than the field the parser was in
            return new UnreadableBody("", syntax(e));
        }
        StringBuilder field = new StringBuilder();
        ResolvableType type = body;
        for (JacksonException.Reference reference : e.getPath()) {
            Class<?> raw = type.resolve();
            if (reference.getPropertyName() != null) {
                if (raw != null && Map.class.isAssignableFrom(raw)) {
                    field.append('[').append(reference.getPropertyName()).append(']');
                    type = type.asMap().getGeneric(1);
                } else {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(reference.getPropertyName());
                    type = property(type, reference.getPropertyName());
                }
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
                type = element(type);
            }
        }
        return new UnreadableBody(field.toString(), message(e, type, field.isEmpty()));
    }

    /** Text that is not JSON, as opposed to JSON that does not fit the request. */
    private static boolean isSyntax(JacksonException e) {
        return e instanceof StreamReadException && !(e instanceof InputCoercionException)
                && !(e instanceof StreamConstraintsException);
    }

    private static String syntax(JacksonException e) {
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof UnexpectedEndOfInputException || original.startsWith("Unexpected end-of-input")) {
            return "the request body ends before its JSON is complete" + at(e.getLocation());
        }
        return "the request body is not valid JSON" + at(e.getLocation());
    }

    private static String message(JacksonException e, ResolvableType declared, boolean whole) {
        String expected = ClientTerms.known(declared) ? ClientTerms.expected(declared) : ClientTerms.expected(targetType(e));
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof IgnoredPropertyException) {
            return "may not be set in this request";
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof InvalidTypeIdException invalid) {
            return "'" + ClientTerms.echo(invalid.getTypeId()) + "' is not a kind this field takes";
        }
        if (e instanceof InvalidFormatException invalid) {
            if (invalid.getValue() instanceof Double number && (number.isInfinite() || number.isNaN())) {
                return "must be " + expected + ", not a number this large";
            }
            return "'" + ClientTerms.echo(invalid.getValue()) + "' is not " + expected;
        }
        if (e instanceof MismatchedInputException mismatch) {
            if (whole && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                return "the request body must be one JSON value with nothing after it; reading stopped"
                        + at(e.getLocation());
            }
            String found = found(mismatch.getCurrentToken());
            return (whole ? "the request body must be " : "must be ") + expected
                    + (found == null ? "" : ", not " + found);
        }
        if (e instanceof ValueInstantiationException) {
            return whole ? "the request body holds a value that is not valid" : "is not a valid value here";
        }
        if (e instanceof InputCoercionException coercion) {
            Class<?> target = declared.resolve() != null ? declared.resolve() : coercion.getTargetType();
            return "must be " + ClientTerms.expected(target)
                    + ClientTerms.range(target).map(range -> " " + range).orElse("");
        }
        if (e instanceof StreamConstraintsException) {
            return (whole ? "the request body" : "the value") + " exceeds a limit of what this service reads"
                    + " (a number or string too long, or arrays and objects nested too deeply)" + at(e.getLocation());
        }
        return whole ? "the request body could not be read" : "could not be read as " + expected;
    }

    private static Class<?> targetType(JacksonException e) {
        if (e instanceof MismatchedInputException mismatch) {
            return mismatch.getTargetType();
        }
        if (e instanceof InputCoercionException coercion) {
            return coercion.getTargetType();
        }
        return null;
    }

    /** What the client sent instead, from the token the parser stood on. */
    private static String found(JsonToken token) {
        if (token == null) {
            return null;
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "a whole number";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> null;
        };
    }

    private static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The declared type of a record component or field of the type, generics resolved; NONE if unknown. */
    private static ResolvableType property(ResolvableType owner, String name) {
        Class<?> raw = owner.resolve();
        if (raw == null) {
            return ResolvableType.NONE;
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return ResolvableType.forMethodReturnType(component.getAccessor(), raw);
                }
            }
            return ResolvableType.NONE;
        }
        for (Class<?> type = raw; type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                return ResolvableType.forField(field, owner);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return ResolvableType.NONE;
    }

    private static ResolvableType element(ResolvableType container) {
        Class<?> raw = container.resolve();
        if (raw == null) {
            return ResolvableType.NONE;
        }
        if (raw.isArray()) {
            return container.getComponentType();
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return container.asCollection().getGeneric(0);
        }
        if (raw == Optional.class) {
            return element(container.getGeneric(0));
        }
        return ResolvableType.NONE;
    }
}
