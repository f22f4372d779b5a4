package org.isecg.seeding.standards;

import static org.isecg.seeding.FieldDifference.compare;
import static org.isecg.seeding.FieldDifference.sortedStrings;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.isecg.seeding.Decision;
import org.isecg.seeding.FieldDifference;
import org.isecg.seeding.EntryRules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides, for one standard of the dataset and the catalogue's standard of that code, what seeding does. Compared
 * are what the dataset holds: title, domain, stewards (as a set) and each revision's status, date and key
 * parameters; the description is the catalogue's. A standard that differs is brought in line only if every
 * version of it was written by the seeding client, and only by moving forward as the catalogue's operations do:
 * details by a change, a missing revision added (a draft) and then baselined or retired, a draft baselined, a
 * revision retired; a revision becomes superseded only when its successor is baselined. What would move a
 * revision back, or change a revision the catalogue already has, is left and reported.
 */
public final class StandardDecisions implements EntryRules<StandardEntry> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ObjectNode creation(StandardEntry entry) {
        return entry.publication();
    }

    @Override
    public Decision bringInLine(StandardEntry entry, JsonNode current, List<FieldDifference> differences) {
        Plan plan = plan(entry, current);
        if (!plan.blockers().isEmpty() || plan.writes().isEmpty()) {
            return new Decision.Unreachable(entry.code(), plan.blockers().isEmpty() ? differences : plan.blockers());
        }
        return new Decision.Update(entry.code(), "\"" + current.path("version").asLong() + "\"", plan.writes(), differences);
    }

    /** What the dataset holds that the catalogue has otherwise. */
    @Override
    public List<FieldDifference> differences(StandardEntry entry, JsonNode current) {
        List<FieldDifference> differences = details(entry, current);
        Map<String, JsonNode> held = revisions(current);
        for (RevisionRow revision : entry.revisions()) {
            JsonNode stored = held.get(revision.revision());
            String field = "revisions[" + revision.revision() + "]";
            if (stored == null) {
                differences.add(new FieldDifference(field, revision.withStatus().toString(), "null"));
                continue;
            }
            compare(differences, field + ".status", text(revision.status().name()), stored.path("status"));
            differences.addAll(content(revision, stored));
        }
        held.forEach((label, stored) -> {
            if (entry.revisions().stream().noneMatch(revision -> revision.revision().equals(label))) {
                differences.add(new FieldDifference("revisions[" + label + "]", "null", stored.toString()));
            }
        });
        return differences;
    }

    private record Plan(List<Decision.Write> writes, List<FieldDifference> blockers) {
    }

    /** The writes that bring a standard only seeding wrote in line, or what stands in the way. */
    private static Plan plan(StandardEntry entry, JsonNode current) {
        List<Decision.Write> writes = new ArrayList<>();
        List<FieldDifference> blockers = new ArrayList<>();
        if (!details(entry, current).isEmpty()) {
            writes.add(new Decision.Write("PUT", "", change(entry, current)));
        }
        Map<String, JsonNode> held = revisions(current);
        held.forEach((label, stored) -> {
            if (entry.revisions().stream().noneMatch(revision -> revision.revision().equals(label))) {
                // the catalogue deletes no revision
                blockers.add(new FieldDifference("revisions[" + label + "]", "null", stored.toString()));
            }
        });
        // the statuses as the writes leave them, step by step, by the catalogue's rules
        Map<String, RevisionStatus> statuses = new LinkedHashMap<>();
        held.forEach((label, stored) -> statuses.put(label, status(stored)));
        for (RevisionRow revision : entry.revisions()) {
            String path = "/revisions/" + URLEncoder.encode(revision.revision(), StandardCharsets.UTF_8);
            JsonNode stored = held.get(revision.revision());
            if (stored == null) {
                writes.add(new Decision.Write("POST", "/revisions", revision.addition()));
                statuses.put(revision.revision(), RevisionStatus.DRAFT);
            } else {
                // a revision's date and parameters are set when it is added; no operation changes them
                blockers.addAll(content(revision, stored));
            }
            RevisionStatus now = statuses.get(revision.revision());
            RevisionStatus wanted = revision.status();
            if (now == null) {
                // a status this tool does not know: reported below, never written over
                continue;
            }
            if (now == wanted || (wanted == RevisionStatus.SUPERSEDED && now == RevisionStatus.BASELINED)) {
                // a baselined revision is superseded by its successor's baseline, checked below
                continue;
            }
            if (now == RevisionStatus.DRAFT && (wanted == RevisionStatus.BASELINED || wanted == RevisionStatus.SUPERSEDED)) {
                writes.add(new Decision.Write("POST", path + "/baseline", null));
                statuses.replaceAll((label, status) -> status == RevisionStatus.BASELINED ? RevisionStatus.SUPERSEDED : status);
                statuses.put(revision.revision(), RevisionStatus.BASELINED);
            } else if (wanted == RevisionStatus.RETIRED) {
                writes.add(new Decision.Write("POST", path + "/retirement", null));
                statuses.put(revision.revision(), RevisionStatus.RETIRED);
            }
        }
        for (RevisionRow revision : entry.revisions()) {
            if (statuses.get(revision.revision()) != revision.status()) {
                JsonNode stored = held.get(revision.revision());
                blockers.add(new FieldDifference("revisions[" + revision.revision() + "].status",
                        text(revision.status().name()).toString(),
                        stored == null ? "null" : stored.path("status").toString()));
            }
        }
        return new Plan(writes, blockers);
    }

    private static List<FieldDifference> details(StandardEntry entry, JsonNode current) {
        List<FieldDifference> differences = new ArrayList<>();
        compare(differences, "title", text(entry.title()), current.path("title"));
        compare(differences, "domain", text(entry.domain()), current.path("domain"));
        ArrayNode stewards = JSON.createArrayNode();
        entry.stewards().forEach(stewards::add);
        compare(differences, "stewards", sortedStrings(stewards), sortedStrings(current.path("stewards")));
        return differences;
    }

    /** A revision's date and key parameters, compared with the catalogue's. */
    private static List<FieldDifference> content(RevisionRow revision, JsonNode stored) {
        List<FieldDifference> differences = new ArrayList<>();
        String field = "revisions[" + revision.revision() + "]";
        compare(differences, field + ".published", revision.published() == null ? JSON.getNodeFactory().nullNode()
                : text(revision.published()), stored.path("published"));
        ArrayNode wanted = JSON.createArrayNode();
        revision.keyParameters().forEach(parameter -> wanted.add(parameter.json()));
        ArrayNode held = JSON.createArrayNode();
        stored.path("keyParameters").forEach(parameter -> held.add(new KeyParameter(parameter.path("name").asString(),
                parameter.path("value").asString(), parameter.path("unit").isString() ? parameter.path("unit").asString() : null).json()));
        compare(differences, field + ".keyParameters", wanted, held);
        return differences;
    }

    /** The PUT body: the details the dataset decides, the description as the catalogue has it. */
    private static ObjectNode change(StandardEntry entry, JsonNode current) {
        ObjectNode body = JSON.createObjectNode();
        entry.putDetails(body);
        if (current.path("description").isString()) {
            body.put("description", current.path("description").asString());
        }
        return body;
    }

    private static Map<String, JsonNode> revisions(JsonNode current) {
        Map<String, JsonNode> revisions = new LinkedHashMap<>();
        current.path("revisions").forEach(revision -> revisions.put(revision.path("revision").asString(), revision));
        return revisions;
    }

    private static RevisionStatus status(JsonNode revision) {
        String status = revision.path("status").asString("");
        for (RevisionStatus known : RevisionStatus.values()) {
            if (known.name().equals(status)) {
                return known;
            }
        }
        return null;
    }

    private static JsonNode text(String value) {
        return JSON.getNodeFactory().stringNode(value);
    }
}
