package org.isecg.web.problem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.core.ResolvableType;

/**
 * What a Java type is called in a client's terms: the JSON a field of that type takes ("a string",
 * "an array of strings", "one of [MOON, MARS]", "a date as YYYY-MM-DD"), never a class name.
 */
final class ClientTerms {

    /** Longest echo of a client's value in a message. */
    private static final int MAX_ECHO = 40;

    private ClientTerms() {
    }

    /** A client's value for a message, cut short if long. */
    static String echo(Object value) {
        String text = String.valueOf(value);
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    /** The JSON a value of the type takes, with its article: "a string". */
    static String expected(ResolvableType type) {
        return describe(type, false);
    }

    /** The JSON a value of the type takes, for a raw class whose generics are unknown. */
    static String expected(Class<?> type) {
        return type == null ? "a value of the documented type" : describe(ResolvableType.forClass(type), false);
    }

    /** Whether the type is known well enough to describe. */
    static boolean known(ResolvableType type) {
        return type != null && type != ResolvableType.NONE && type.resolve() != null;
    }

    private static String describe(ResolvableType type, boolean plural) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return plural ? "values of the documented type" : "a value of the documented type";
        }
        if (raw == Optional.class) {
            return describe(type.getGeneric(0), plural);
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            ResolvableType element = raw.isArray() ? type.getComponentType() : type.asCollection().getGeneric(0);
            String items = element.resolve() == null || element.resolve() == Object.class ? "" : " of " + describe(element, true);
            return (plural ? "arrays" : "an array") + items;
        }
        if (Map.class.isAssignableFrom(raw)) {
            ResolvableType value = type.asMap().getGeneric(1);
            String values = value.resolve() == null || value.resolve() == Object.class ? ""
                    : " whose values are " + describe(value, true);
            return (plural ? "objects" : "an object") + values;
        }
        if (raw.isEnum()) {
            String constants = Arrays.stream(raw.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining(", ", "[", "]"));
            return (plural ? "values each one of " : "one of ") + constants;
        }
        return scalar(raw, plural);
    }

    private static String scalar(Class<?> raw, boolean plural) {
        if (raw == String.class || CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class) {
            return plural ? "strings" : "a string";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return plural ? "booleans (true or false)" : "true or false";
        }
        if (isWhole(raw)) {
            return plural ? "whole numbers" : "a whole number";
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw) || raw == BigDecimal.class) {
            return plural ? "numbers" : "a number";
        }
        if (raw == LocalDate.class) {
            return plural ? "dates as YYYY-MM-DD" : "a date as YYYY-MM-DD";
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return plural ? "date-times as YYYY-MM-DDThh:mm:ssZ" : "a date-time as YYYY-MM-DDThh:mm:ssZ";
        }
        if (raw == LocalDateTime.class) {
            return plural ? "date-times as YYYY-MM-DDThh:mm:ss" : "a date-time as YYYY-MM-DDThh:mm:ss";
        }
        if (raw == LocalTime.class) {
            return plural ? "times as hh:mm:ss" : "a time as hh:mm:ss";
        }
        if (raw == Year.class) {
            return plural ? "years as YYYY" : "a year as YYYY";
        }
        if (raw == YearMonth.class) {
            return plural ? "months as YYYY-MM" : "a month as YYYY-MM";
        }
        if (raw == Duration.class) {
            return plural ? "durations in ISO 8601, e.g. PT30S" : "a duration in ISO 8601, e.g. PT30S";
        }
        if (raw == UUID.class) {
            return plural ? "UUIDs" : "a UUID";
        }
        if (raw == URI.class || raw == URL.class) {
            return plural ? "URIs" : "a URI";
        }
        if (raw == Object.class) {
            return plural ? "values of the documented type" : "a value of the documented type";
        }
        return plural ? "objects" : "an object";
    }

    static boolean isWhole(Class<?> raw) {
        return raw == int.class || raw == long.class || raw == short.class || raw == byte.class
                || raw == Integer.class || raw == Long.class || raw == Short.class || raw == Byte.class
                || raw == BigInteger.class;
    }

    /** The range of a whole-number type, for a value out of it: "from -2147483648 to 2147483647". */
    static Optional<String> range(Class<?> raw) {
        if (raw == int.class || raw == Integer.class) {
            return Optional.of("from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (raw == long.class || raw == Long.class) {
            return Optional.of("from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        if (raw == short.class || raw == Short.class) {
            return Optional.of("from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE);
        }
        if (raw == byte.class || raw == Byte.class) {
            return Optional.of("from " + Byte.MIN_VALUE + " to " + Byte.MAX_VALUE);
        }
        return Optional.empty();
    }
}
