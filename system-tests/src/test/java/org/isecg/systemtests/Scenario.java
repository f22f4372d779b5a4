package org.isecg.systemtests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for one scenario: two agencies of its own (so scenarios sharing a stack never see each
 * other's overlaps) and the two duplicating plans of the thin path, modelled on real missions.
 */
final class Scenario {

    final String first;
    final String second;

    private Scenario(String suffix) {
        this.first = "A" + suffix;
        this.second = "B" + suffix;
    }

    static Scenario fresh() {
        return new Scenario(UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase());
    }

    /** A pressurised rover at the lunar south pole, 2029 to 2032. */
    Map<String, Object> roverPlanOfFirst() {
        return plan(first, "Pressurised lunar rover", List.of("ROVER", "CREW_TRANSPORT"), "2029-01-01", "2032-12-31");
    }

    /** A lander with a rover at the lunar south pole, 2026 to 2030: it shares the ROVER function. */
    Map<String, Object> landerPlanOfSecond() {
        return plan(second, "South pole lander and rover", List.of("ORBITER", "LANDER", "ROVER"), "2026-08-01",
                "2030-12-31");
    }

    private static Map<String, Object> plan(String owner, String title, List<String> capabilities, String start,
            String end) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("ownerAgency", owner);
        plan.put("title", title);
        plan.put("destination", "MOON");
        plan.put("region", "SOUTH_POLE");
        plan.put("capabilities", capabilities);
        plan.put("start", start);
        plan.put("end", end);
        plan.put("status", "PLANNED");
        return plan;
    }
}
