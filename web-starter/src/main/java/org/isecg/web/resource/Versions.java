package org.isecg.web.resource;

import org.isecg.web.problem.VersionRequiredException;

/**
 * A resource's version is its ETag ({@code "3"}); a change names the version it was based on in
 * {@code If-Match}, so that concurrent writers cannot overwrite each other unnoticed.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The condition an {@code If-Match} header puts on a change (see {@link IfMatch} for how it matches).
     *
     * @throws VersionRequiredException when the header is missing: a change must be conditional
     * @throws org.isecg.web.problem.InvalidRequestException when it is not {@code *} or a list of entity tags
     */
    public static IfMatch ifMatch(String header, String kind) {
        if (header == null || header.isBlank()) {
            throw new VersionRequiredException(kind);
        }
        return IfMatch.parse(header);
    }
}
