package org.isecg.standards.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the catalogue's API: a docking standard with one baselined revision, changed
 * only where a test says so. Maps, so that a test can also send what the API's records could not hold.
 */
final class StandardDrafts {

    /** The key parameters every revision of a draft has, unless a test replaces them. */
    static final List<Map<String, Object>> DOCKING_PARAMETERS = List.of(
            parameter("passage_diameter", "800", "mm"), parameter("androgynous", "true", null));

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> revisions = new ArrayList<>();

    private StandardDrafts() {
    }

    /** A code no other test uses: the catalogue is shared by every test of the module. */
    static String uniqueCode() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static StandardDrafts aDockingStandard(String code) {
        StandardDrafts draft = new StandardDrafts();
        draft.fields.put("code", code);
        draft.fields.put("title", "Docking System Standard " + code);
        draft.fields.put("domain", "DOCKING");
        draft.fields.put("description", "The interface of docking systems " + code);
        draft.fields.put("stewards", List.of("NASA", "ESA", "JAXA"));
        return draft.revision("E", "BASELINED", "2016-05");
    }

    static Map<String, Object> aRevision(String label, String status, String published) {
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("revision", label);
        revision.put("status", status);
        revision.put("published", published);
        revision.put("keyParameters", copy(DOCKING_PARAMETERS));
        return revision;
    }

    /** The body of {@code POST /{code}/revisions}: a revision without status (it is added as a DRAFT). */
    static Map<String, Object> aNewRevision(String label, String published) {
        Map<String, Object> revision = aRevision(label, null, published);
        revision.remove("status");
        return revision;
    }

    static Map<String, Object> parameter(String name, String value, String unit) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put("name", name);
        parameter.put("value", value);
        if (unit != null) {
            parameter.put("unit", unit);
        }
        return parameter;
    }

    StandardDrafts revision(String label, String status, String published) {
        revisions.add(aRevision(label, status, published));
        return this;
    }

    /** Replaces every revision. */
    StandardDrafts revisions(List<Map<String, Object>> replacement) {
        revisions.clear();
        revisions.addAll(replacement);
        return this;
    }

    /** Replaces the key parameters of every revision. */
    StandardDrafts keyParameters(List<Map<String, Object>> parameters) {
        revisions.forEach(revision -> revision.put("keyParameters", copy(parameters)));
        return this;
    }

    StandardDrafts with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    StandardDrafts without(String field) {
        fields.remove(field);
        return this;
    }

    /** The body of {@code POST /api/v1/standards}. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("revisions", List.copyOf(revisions));
        return body;
    }

    /** The body of {@code PUT /api/v1/standards/{code}}: the details alone. */
    Map<String, Object> details() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.remove("code");
        return body;
    }

    private static List<Map<String, Object>> copy(List<Map<String, Object>> parameters) {
        return new ArrayList<>(parameters.stream().map(LinkedHashMap::new).toList());
    }
}
