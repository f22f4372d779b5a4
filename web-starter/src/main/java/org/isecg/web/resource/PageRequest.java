package org.isecg.web.resource;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.isecg.web.problem.InvalidRequestException;

/**
 * Keyset paging: a page is the {@code size} items that follow the sort key in the token, so a
 * page never repeats or skips items when others are added meanwhile. The token is opaque to
 * clients (base64url of the last key), so its content may change without breaking them.
 *
 * @param after the sort key of the last item of the previous page; empty for the first page
 */
public record PageRequest(int size, Optional<String> after) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** From the {@code pageSize} and {@code pageToken} query parameters, either of which may be null. */
    public static PageRequest of(Integer pageSize, String pageToken) {
        int size = pageSize == null ? DEFAULT_SIZE : pageSize;
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("pageSize", "pageSize must be between 1 and " + MAX_SIZE);
        }
        if (pageToken == null || pageToken.isEmpty()) {
            return new PageRequest(size, Optional.empty());
        }
        try {
            return new PageRequest(size, Optional.of(new String(Base64.getUrlDecoder().decode(pageToken), UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("pageToken", "pageToken is not one this service issued");
        }
    }

    /** Ask the store for one item more than the page holds: its presence says there is a next page. */
    public int fetchSize() {
        return size + 1;
    }

    /** The page made of the fetched items (at most {@link #fetchSize()} of them, in sort order). */
    public <T> Page<T> page(List<T> fetched, Function<T, String> sortKey) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        String last = sortKey.apply(items.get(items.size() - 1));
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(UTF_8)));
    }
}
