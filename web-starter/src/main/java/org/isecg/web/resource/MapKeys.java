package org.isecg.web.resource;

/**
 * The keys a request body's maps may have (e.g. a standard revision's {@code keyParameters}):
 * a letter, then letters, digits, {@code _} or {@code -}, at most 64 characters. Stored maps become
 * MongoDB field names, where a {@code .} is a path and a leading {@code $} an operator; the pattern
 * keeps both out, along with anything a client would not expect to round-trip. Validate a key with
 * {@code Map<@Pattern(regexp = MapKeys.PATTERN, message = MapKeys.MESSAGE) String, ...>}.
 */
public final class MapKeys {

    public static final String PATTERN = "^[A-Za-z][A-Za-z0-9_-]{0,63}$";

    public static final String MESSAGE =
            "must start with a letter and hold only letters, digits, '_' or '-', at most 64 characters";

    private MapKeys() {
    }
}
