package org.isecg.web.idempotency;

import java.util.List;
import java.util.Optional;

import org.isecg.web.problem.InvalidRequestException;
import org.springframework.http.HttpHeaders;

/**
 * The client's key for one request that it may retry, from the {@code Idempotency-Key} header.
 *
 * <p>The draft makes the field a Structured Field String (RFC 8941 section 3.3.3): a quoted string
 * of printable ASCII in which {@code "} and {@code \} are escaped with a backslash, e.g.
 * {@code Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"}. The key is the string's content,
 * 1 to {@value #MAX_LENGTH} characters. A bare value without quotes, as many client libraries send
 * it, is accepted as the same key, provided it holds no space, quote, backslash, comma or semicolon.
 * Anything else (no content, a longer key, other characters, parameters, a list, two header fields)
 * is refused with a {@code 400} naming the header: guessing what such a key meant would risk
 * treating two requests as one.
 *
 * @param value the key as the client meant it, unescaped
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    private static final String SYNTAX = HEADER + " must be one quoted string of 1 to " + MAX_LENGTH
            + " printable ASCII characters, e.g. \"8e03978e-40d5-43e8-bc93-6894a57f9324\"";

    public IdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(IdempotencyKey::printable)) {
            throw invalid(SYNTAX);
        }
    }

    /**
     * The key of a request, if it has one.
     *
     * @throws InvalidRequestException when the header is present but not one valid key
     */
    public static Optional<IdempotencyKey> from(HttpHeaders headers) {
        List<String> fields = headers.get(HEADER);
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        if (fields.size() > 1) {
            throw invalid("send one " + HEADER + " header, not " + fields.size());
        }
        return Optional.of(parse(fields.get(0)));
    }

    /**
     * Reads one field value.
     *
     * @throws InvalidRequestException when it is not one valid key
     */
    public static IdempotencyKey parse(String field) {
        String value = trimOptionalWhitespace(field);
        if (value.isEmpty()) {
            throw invalid(SYNTAX);
        }
        if (value.charAt(0) != '"') {
            return bare(value);
        }
        StringBuilder key = new StringBuilder();
        int i = 1;
        while (i < value.length()) {
            char c = value.charAt(i++);
            if (c == '"') {
                if (i < value.length()) {
                    throw invalid(HEADER + " must be one string alone: no parameters, no list");
                }
                return new IdempotencyKey(key.toString());
            }
            if (c == '\\') {
                if (i == value.length() || (value.charAt(i) != '"' && value.charAt(i) != '\\')) {
                    throw invalid(HEADER + ": a backslash may only escape '\"' or '\\'");
                }
                c = value.charAt(i++);
            }
            if (!printable(c)) {
                throw invalid(SYNTAX);
            }
            key.append(c);
        }
        throw invalid(HEADER + " has no closing quote");
    }

    /** The key as a Structured Field String, as it would be sent. */
    public String serialized() {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public String toString() {
        return serialized();
    }

    private static IdempotencyKey bare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '"' || c == '\\' || c == ',' || c == ';' || !printable(c)) {
                throw invalid(SYNTAX);
            }
        }
        return new IdempotencyKey(value);
    }

    /** RFC 8941 allows %x20-7E in a string. */
    private static boolean printable(int c) {
        return c >= 0x20 && c <= 0x7E;
    }

    /** HTTP's optional whitespace around a field value: spaces and tabs only. */
    private static String trimOptionalWhitespace(String field) {
        int start = 0;
        int end = field.length();
        while (start < end && (field.charAt(start) == ' ' || field.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
            end--;
        }
        return field.substring(start, end);
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException(HEADER, message);
    }
}
