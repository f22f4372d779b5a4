package org.isecg.web.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.isecg.web.problem.InvalidRequestException;

/**
 * What an {@code If-Match} header asks of a change (RFC 9110 §13.1.1): either {@code *}, any current
 * version, or a list of entity tags of which one must be the current version's ETag.
 *
 * <p>If-Match compares entity tags strongly: a weak tag ({@code W/"3"}) never matches, nor does a tag
 * this service never issued ({@code "03"}, {@code "abc"}). Such tags are kept, so that a refusal
 * can say why they did not match.
 *
 * @param any          true for {@code *}
 * @param versions     the versions named by strong tags this service issues ({@code "3"})
 * @param neverMatched the other tags as sent: weak ones, and strong ones that name no version
 */
public record IfMatch(boolean any, SortedSet<Long> versions, List<String> neverMatched) {

    /** A list longer than this is refused: no client needs more, and the header is echoed in problem details. */
    public static final int MAX_TAGS = 20;

    private static final Pattern VERSION_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");
    private static final IfMatch ANY = new IfMatch(true, new TreeSet<>(), List.of());

    public IfMatch {
        versions = Collections.unmodifiableSortedSet(new TreeSet<>(versions));
        neverMatched = List.copyOf(neverMatched);
        if (any && (!versions.isEmpty() || !neverMatched.isEmpty())) {
            throw new IllegalArgumentException("'*' stands alone in If-Match");
        }
    }

    /** {@code *}: the change applies to whatever version is current. */
    public static IfMatch anyVersion() {
        return ANY;
    }

    /** The ETag of exactly one version. */
    public static IfMatch version(long version) {
        return new IfMatch(false, new TreeSet<>(Set.of(version)), List.of());
    }

    /**
     * Parses a header value, {@code "*"} or a comma-separated list of entity tags (RFC 9110 §8.8.3);
     * empty list elements are ignored, as the list syntax asks.
     *
     * @throws InvalidRequestException when it is neither, or an empty list, or longer than {@value #MAX_TAGS} tags
     */
    public static IfMatch parse(String header) {
        String value = header.strip();
        if (value.equals("*")) {
            return ANY;
        }
        TreeSet<Long> versions = new TreeSet<>();
        List<String> neverMatched = new ArrayList<>();
        int tags = 0;
        int at = 0;
        while (at < value.length()) {
            char c = value.charAt(at);
            if (c == ',' || c == ' ' || c == '\t') {
                at++;
                continue;
            }
            int start = at;
            boolean weak = value.startsWith("W/", at);
            if (weak) {
                at += 2;
            }
            if (at >= value.length() || value.charAt(at) != '"') {
                throw malformed();
            }
            int close = at + 1;
            while (close < value.length() && isEtagChar(value.charAt(close))) {
                close++;
            }
            if (close >= value.length() || value.charAt(close) != '"') {
                throw malformed();
            }
            String tag = value.substring(start, close + 1);
            at = close + 1;
            // after a tag: optional whitespace, then a comma or the end
            while (at < value.length() && (value.charAt(at) == ' ' || value.charAt(at) == '\t')) {
                at++;
            }
            if (at < value.length() && value.charAt(at) != ',') {
                throw malformed();
            }
            if (++tags > MAX_TAGS) {
                throw new InvalidRequestException("If-Match", "If-Match lists more than " + MAX_TAGS + " entity tags");
            }
            if (!weak && VERSION_TAG.matcher(tag).matches()) {
                versions.add(Long.parseLong(tag.substring(1, tag.length() - 1)));
            } else {
                neverMatched.add(tag);
            }
        }
        if (tags == 0) {
            throw malformed();
        }
        return new IfMatch(false, versions, neverMatched);
    }

    /** True if a change based on this header may apply to an aggregate at {@code current}. */
    public boolean matches(long current) {
        return any || versions.contains(current);
    }

    /**
     * Why a change based on this header does not apply to the aggregate at {@code current}, for a
     * problem detail: the versions it names and, for tags that can never match, the reason.
     */
    public String mismatch(String kind, String id, long current) {
        StringBuilder reason = new StringBuilder(kind).append(" '").append(id).append("' is at version ").append(current);
        if (!versions.isEmpty()) {
            reason.append(", not ").append(versions.stream().map(String::valueOf).collect(Collectors.joining(" or ")));
        }
        List<String> weak = neverMatched.stream().filter(tag -> tag.startsWith("W/")).toList();
        List<String> foreign = neverMatched.stream().filter(tag -> !tag.startsWith("W/")).toList();
        if (!weak.isEmpty()) {
            reason.append("; ").append(String.join(", ", weak)).append(weak.size() == 1 ? " is a weak entity tag" : " are weak entity tags")
                    .append(", and If-Match compares entity tags strongly (RFC 9110 §13.1.1), so a weak tag never matches");
        }
        if (!foreign.isEmpty()) {
            reason.append("; ").append(String.join(", ", foreign)).append(foreign.size() == 1 ? " is not" : " are not")
                    .append(" an ETag this service issues, so it never matches");
        }
        return reason.append(": read it again (its ETag is ").append(Versions.etag(current))
                .append(") and reapply the change").toString();
    }

    /** The header as it would be sent, normalised: {@code *} or the tags, versions first. */
    @Override
    public String toString() {
        if (any) {
            return "*";
        }
        List<String> tags = new ArrayList<>();
        versions.forEach(version -> tags.add(Versions.etag(version)));
        tags.addAll(neverMatched);
        return String.join(", ", tags);
    }

    /** etagc = %x21 / %x23-7E / obs-text: visible characters but the double quote. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException("If-Match",
                "If-Match must be * or a list of ETags as returned by a read, e.g. \"3\" or \"3\", \"4\"");
    }
}
