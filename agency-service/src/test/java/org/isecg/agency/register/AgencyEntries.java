package org.isecg.agency.register;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the register's API: a plausible agency entry, changed only where a test says
 * so. Bodies are maps so that a test can also send what the API's records could not hold.
 */
final class AgencyEntries {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private AgencyEntries() {
    }

    /** A code no other test uses: the register is shared by every test of the module. */
    static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    /** A national agency that is an ISECG member since 2015. */
    static AgencyEntries aMember(String code) {
        AgencyEntries entry = new AgencyEntries();
        entry.fields.put("code", code);
        entry.fields.put("name", "Test Space Agency " + code);
        entry.fields.put("countries", List.of("FR"));
        entry.fields.put("kind", "NATIONAL_AGENCY");
        entry.fields.put("membership", "MEMBER");
        entry.fields.put("memberSince", 2015);
        entry.fields.put("contactEmail", "liaison@" + code.toLowerCase() + ".example.org");
        entry.fields.put("website", "https://www." + code.toLowerCase() + ".example.org/isecg");
        return entry;
    }

    /** A research organisation that owns plans but is not an ISECG member. */
    static AgencyEntries aNonMember(String code) {
        return aMember(code).with("kind", "RESEARCH_ORGANISATION").with("membership", "NON_MEMBER")
                .without("memberSince");
    }

    AgencyEntries with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    AgencyEntries without(String field) {
        fields.remove(field);
        return this;
    }

    /** The body of a registration. */
    Map<String, Object> registration() {
        return new LinkedHashMap<>(fields);
    }

    /** The body of an update: the whole entry but its code (in the path) and its status (changed by its own operations). */
    Map<String, Object> update() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.remove("code");
        return body;
    }
}
