package org.isecg.web.resource;

import java.util.List;

/**
 * One page of a list in a stable order; {@code nextPageToken} asks for the next page and is absent
 * on the last one.
 */
public record Page<T>(List<T> items, String nextPageToken) {

    public Page {
        items = List.copyOf(items);
    }
}
