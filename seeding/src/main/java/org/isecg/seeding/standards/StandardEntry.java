package org.isecg.seeding.standards;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One standard of the dataset with its revisions, oldest first, in the catalogue's terms. The dataset has no
 * description: the catalogue's is left as it is.
 *
 * @param domain   the catalogue's interface domain, e.g. {@code DOCKING}
 * @param stewards agency codes of the agency register
 */
public record StandardEntry(String code, String title, String domain, Set<String> stewards, List<RevisionRow> revisions) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public StandardEntry {
        stewards = Set.copyOf(stewards);
        revisions = List.copyOf(revisions);
    }

    /** The body of {@code POST /api/v1/standards}: the standard with its whole history. */
    public ObjectNode publication() {
        ObjectNode body = JSON.createObjectNode().put("code", code);
        putDetails(body);
        ArrayNode list = body.putArray("revisions");
        revisions.forEach(revision -> list.add(revision.withStatus()));
        return body;
    }

    /** The details the dataset decides (title, domain, stewards), written over {@code body}. */
    void putDetails(ObjectNode body) {
        body.put("title", title);
        body.put("domain", domain);
        ArrayNode list = body.putArray("stewards");
        new TreeSet<>(stewards).forEach(list::add);
    }
}
