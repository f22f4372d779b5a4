package org.isecg.web.resource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.isecg.web.problem.InvalidRequestException;
import org.isecg.web.problem.VersionRequiredException;

/**
 * A resource's version is its ETag ({@code "3"}); a change names the version it was based on in
 * {@code If-Match}, so that concurrent writers cannot overwrite each other unnoticed.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^\\s*(?:W/)?\"(\\d{1,18})\"\\s*$");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names. */
    public static long fromIfMatch(String ifMatch, String kind) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException(kind);
        }
        Matcher matcher = ETAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "If-Match must be one ETag as returned by a read, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
