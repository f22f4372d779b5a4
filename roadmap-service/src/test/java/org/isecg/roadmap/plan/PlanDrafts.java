package org.isecg.roadmap.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies of the roadmap's API: a lunar south-pole lander, changed only where a test says
 * so. Maps, so that a test can also send what the API's records could not hold.
 */
final class PlanDrafts {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private PlanDrafts() {
    }

    static PlanDrafts aLunarLander(String owner) {
        PlanDrafts draft = new PlanDrafts();
        draft.fields.put("ownerAgency", owner);
        draft.fields.put("title", "South pole lander");
        draft.fields.put("destination", "MOON");
        draft.fields.put("region", "SOUTH_POLE");
        draft.fields.put("capabilities", List.of("LANDER", "ROVER"));
        draft.fields.put("start", "2030-01-01");
        draft.fields.put("end", "2032-12-31");
        draft.fields.put("status", "PLANNED");
        draft.fields.put("partners", List.of());
        draft.fields.put("conformsTo", List.of());
        draft.fields.put("dependsOn", List.of());
        return draft;
    }

    PlanDrafts with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    PlanDrafts without(String field) {
        fields.remove(field);
        return this;
    }

    PlanDrafts window(String start, String end) {
        return with("start", start).with("end", end);
    }

    PlanDrafts partners(String... partners) {
        return with("partners", List.of(partners));
    }

    PlanDrafts conformsTo(String standard, String revision) {
        return with("conformsTo", List.of(Map.of("standard", standard, "revision", revision)));
    }

    PlanDrafts dependsOn(String... planIds) {
        return with("dependsOn", List.of(planIds));
    }

    Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }
}
