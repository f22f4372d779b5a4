package org.isecg.web.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;

/**
 * A request body that sets fields the request does not take, or fields the server owns (ids,
 * versions, timestamps, an owner that comes from the token): a 400 that names every one of them in
 * {@code fields}, so that a client fixes its body in one go rather than one field per attempt.
 * Nothing of such a body is applied (OWASP API3, mass assignment).
 */
public class RefusedFieldsException extends HubProblem {

    static final String UNKNOWN = "is not a field of this request";
    static final String SERVER_OWNED = "is server-owned: the service sets it, a request may not";

    private final List<RefusedField> fields;

    public RefusedFieldsException(List<RefusedField> fields) {
        super(detail(fields), fields.stream()
                .map(field -> new FieldError(field.path(), field.serverOwned() ? SERVER_OWNED : UNKNOWN)).toList());
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one field");
        }
        this.fields = List.copyOf(fields);
    }

    /**
     * Refuses fields a request record has but that the server owns for this caller, with the same
     * answer the generic refusal gives (e.g. a plan's {@code ownerAgency} once the owner comes from the token).
     */
    public static RefusedFieldsException serverOwned(String... paths) {
        return new RefusedFieldsException(List.of(paths).stream().map(path -> new RefusedField(path, true)).toList());
    }

    public List<RefusedField> fields() {
        return fields;
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }

    @Override
    protected String slug() {
        return "refused-fields";
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("fields", fields.stream().map(RefusedField::path).toList());
        return properties;
    }

    private static String detail(List<RefusedField> fields) {
        String owned = names(fields, true);
        String unknown = names(fields, false);
        if (unknown.isEmpty()) {
            return "the request sets fields that are server-owned: " + owned + "; leave them out";
        }
        if (owned.isEmpty()) {
            return "the request has fields it does not take: " + unknown + "; leave them out";
        }
        return "the request sets fields that are server-owned (" + owned + ") and fields it does not take ("
                + unknown + "); leave them out";
    }

    private static String names(List<RefusedField> fields, boolean serverOwned) {
        return fields.stream().filter(field -> field.serverOwned() == serverOwned).map(RefusedField::path)
                .collect(Collectors.joining(", "));
    }

    /**
     * One refused field.
     *
     * @param path        where it is in the body, as in {@code errors}: {@code version}, {@code revisions[0].id}
     * @param serverOwned whether the request's record declares it server-owned ({@code @ServerOwned}),
     *                    rather than a field the request has no use for
     */
    public record RefusedField(String path, boolean serverOwned) {
    }
}
