package org.isecg.seeding.standards;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One revision of a standard, one row of the dataset.
 *
 * @param published {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; {@code null} where no date was found
 * @param source    where the facts come from; not sent to the catalogue
 */
public record RevisionRow(String revision, RevisionStatus status, String published, List<KeyParameter> keyParameters,
        String source) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RevisionRow {
        keyParameters = List.copyOf(keyParameters);
    }

    /** The revision as a create of its standard carries it, status included. */
    public ObjectNode withStatus() {
        ObjectNode body = JSON.createObjectNode().put("revision", revision).put("status", status.name());
        putDetails(body);
        return body;
    }

    /** The body of {@code POST .../revisions}: a new revision is a draft, so it carries no status. */
    public ObjectNode addition() {
        ObjectNode body = JSON.createObjectNode().put("revision", revision);
        putDetails(body);
        return body;
    }

    private void putDetails(ObjectNode body) {
        if (published != null) {
            body.put("published", published);
        }
        ArrayNode list = body.putArray("keyParameters");
        keyParameters.forEach(parameter -> list.add(parameter.json()));
    }
}
