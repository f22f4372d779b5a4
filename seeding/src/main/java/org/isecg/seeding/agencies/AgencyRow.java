package org.isecg.seeding.agencies;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One organisation of the dataset, in the register's terms.
 *
 * @param countries   ISO 3166-1 alpha-2 codes (several for an intergovernmental organisation)
 * @param kind        the register's kind, e.g. {@code NATIONAL_AGENCY}
 * @param memberSince the year it joined ISECG; {@code null} for an organisation that is not a member
 * @param source      where the facts come from; not sent to the register
 */
public record AgencyRow(String code, String name, Set<String> countries, String kind, Integer memberSince,
        String source) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public AgencyRow {
        countries = Set.copyOf(new TreeSet<>(countries));
    }

    /** {@code MEMBER} with a year, {@code NON_MEMBER} without. */
    public String membership() {
        return memberSince == null ? "NON_MEMBER" : "MEMBER";
    }

    /** The body of {@code POST /api/v1/agencies}: no contact e-mail, which the dataset does not have. */
    public ObjectNode registration() {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code);
        putFields(body);
        if (memberSince == null) {
            // a non-member's registration has no year at all
            body.remove("memberSince");
        }
        return body;
    }

    /** The fields the dataset decides, written over {@code body}. */
    void putFields(ObjectNode body) {
        body.put("name", name);
        ArrayNode list = body.putArray("countries");
        new TreeSet<>(countries).forEach(list::add);
        body.put("kind", kind);
        body.put("membership", membership());
        if (memberSince == null) {
            body.putNull("memberSince");
        } else {
            body.put("memberSince", memberSince);
        }
    }
}
