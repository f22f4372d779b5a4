package org.isecg.seeding.agencies;

import static org.isecg.seeding.FieldDifference.compare;
import static org.isecg.seeding.FieldDifference.sortedStrings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.isecg.seeding.Decision;
import org.isecg.seeding.FieldDifference;
import org.isecg.seeding.EntryRules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, for one row of the dataset and the register's entry of that code, what seeding does. Only the
 * fields the dataset holds are compared (name, countries, kind, membership, member since); the contact
 * e-mail, the status and whatever the register adds are the register's. An entry that differs is
 * updated only if its history shows that every version of it was written by the seeding client: then
 * the difference is the dataset's own change. Otherwise a person changed it, and it stays as they made it.
 */
public final class AgencyDecisions implements EntryRules<AgencyRow> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * What the register owns and a PUT body may not carry (docs/api.md, "Request bodies"): the code and the
     * version travel in the path and {@code If-Match}, the status changes only by deactivation and
     * reactivation (docs/agencies.md), the rest is the register's bookkeeping. Everything else of the entry
     * goes back as it was, so that fields the dataset does not hold survive an update.
     */
    private static final Set<String> NOT_IN_A_CHANGE = Set.of("code", "version", "status", "registeredAt", "updatedAt",
            "history", "outbox", "idempotency");

    @Override
    public ObjectNode creation(AgencyRow row) {
        return row.registration();
    }

    /** The change under the version read: the entry as the register has it, with the dataset's fields over it. */
    @Override
    public Decision bringInLine(AgencyRow row, JsonNode entry, List<FieldDifference> differences) {
        return new Decision.Update(row.code(), "\"" + entry.path("version").asLong() + "\"",
                List.of(new Decision.Write("PUT", "", change(row, entry))), differences);
    }

    /** The dataset's fields whose value in the entry is another. */
    @Override
    public List<FieldDifference> differences(AgencyRow row, JsonNode entry) {
        List<FieldDifference> differences = new ArrayList<>();
        compare(differences, "name", JSON.getNodeFactory().stringNode(row.name()), entry.path("name"));
        compare(differences, "countries", sortedStrings(row.registration().get("countries")), sortedStrings(entry.path("countries")));
        compare(differences, "kind", JSON.getNodeFactory().stringNode(row.kind()), entry.path("kind"));
        compare(differences, "membership", JSON.getNodeFactory().stringNode(row.membership()), entry.path("membership"));
        compare(differences, "memberSince", row.memberSince() == null ? JSON.getNodeFactory().nullNode()
                : JSON.getNodeFactory().numberNode(row.memberSince()), entry.path("memberSince"));
        return differences;
    }

    /** The PUT body: the entry as it is, with the dataset's fields over it. */
    private static ObjectNode change(AgencyRow row, JsonNode entry) {
        ObjectNode body = JSON.createObjectNode();
        entry.properties().forEach(field -> {
            if (!NOT_IN_A_CHANGE.contains(field.getKey())) {
                body.set(field.getKey(), field.getValue());
            }
        });
        row.putFields(body);
        return body;
    }
}
