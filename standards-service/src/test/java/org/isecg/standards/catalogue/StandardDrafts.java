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
        draft.fields.put("stewards", List.of("NASA", "ESA", "JAXA"));
        return draft.revision("E", "BASELINED", "2016-05");
    }

    static Map<String, Object> aRevision(String label, String status, String published) {
        Map<String, Object> revision = new LinkedHashMap<>();
        revision.put("revision", label);
        revision.put("status", status);
        revision.put("published", published);
        revision.put("keyParameters", Map.of("androgynous", "yes", "passage_diameter", "800 mm"));
        return revision;
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
    StandardDrafts keyParameters(Map<String, Object> parameters) {
        revisions.forEach(revision -> revision.put("keyParameters", new LinkedHashMap<>(parameters)));
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

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("revisions", List.copyOf(revisions));
        return body;
    }
}
