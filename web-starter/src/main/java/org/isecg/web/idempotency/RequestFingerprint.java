package org.isecg.web.idempotency;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a request asked for, as a short value to compare a retry with: the SHA-256 of the request
 * record (the body as the service understood it, after binding) in a canonical JSON form. Object
 * members are sorted by name, map entries by key, and the elements of a set by their own canonical
 * form, while lists keep their order; so whitespace, the order of a body's members and the order in
 * which a set's elements were sent make no difference, and two requests differ exactly when the
 * records they bind to differ. A member sent as {@code null} and one left out are the same request.
 * Enums count by name, dates and other values by their text ({@code 2030-01-01}).
 */
public final class RequestFingerprint {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PREFIX = "sha-256:";

    private RequestFingerprint() {
    }

    /** {@code sha-256:} and the lowercase hex digest of the canonical form. */
    public static String of(Object request) {
        return PREFIX + HexFormat.of().formatHex(sha256(canonicalJson(request).getBytes(UTF_8)));
    }

    /** The canonical JSON the fingerprint is taken of. */
    static String canonicalJson(Object request) {
        return JSON.writeValueAsString(canonical(request));
    }

    private static Object canonical(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Record record) {
            Map<String, Object> members = new TreeMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                members.put(component.getName(), canonical(read(component, record)));
            }
            return members;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> entries = new TreeMap<>();
            map.forEach((key, entry) -> entries.put(String.valueOf(key), canonical(entry)));
            return entries;
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(RequestFingerprint::canonical)
                    .sorted(Comparator.comparing(JSON::writeValueAsString)).toList();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(RequestFingerprint::canonical).toList();
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).map(RequestFingerprint::canonical).toList();
        }
        return value.toString();
    }

    /** Request records are usually package-private; reading them is what Jackson did to bind them. */
    private static Object read(RecordComponent component, Record record) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getName(), e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
