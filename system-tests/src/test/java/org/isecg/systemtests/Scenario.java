package org.isecg.systemtests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for one scenario: two agencies and a lunar region of its own, and the two duplicating
 * plans of the thin path, modelled on real missions. Detection pairs every plan with every other at
 * the same place, so scenarios sharing a stack must not share a region.
 */
final class Scenario {

    final String first;
    final String second;
    final String region;

    private Scenario(String suffix) {
        this.first = "A" + suffix;
        this.second = "B" + suffix;
        this.region = "SOUTH_POLE_" + suffix;
    }

    static Scenario fresh() {
        return new Scenario(UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase());
    }

    /** A pressurised rover at the scenario's part of the lunar south pole, 2029 to 2032. */
    Map<String, Object> roverPlanOfFirst() {
        return plan(first, "Pressurised lunar rover", List.of("ROVER", "CREW_TRANSPORT"), "2029-01-01", "2032-12-31");
    }

    /** A lander with a rover at the lunar south pole, 2026 to 2030: it shares the ROVER function. */
    Map<String, Object> landerPlanOfSecond() {
        return plan(second, "South pole lander and rover", List.of("ORBITER", "LANDER", "ROVER"), "2026-08-01",
                "2030-12-31");
    }

    private Map<String, Object> plan(String owner, String title, List<String> capabilities, String start,
            String end) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("ownerAgency", owner);
        plan.put("title", title);
        plan.put("destination", "MOON");
        plan.put("region", region);
        plan.put("capabilities", capabilities);
        plan.put("start", start);
        plan.put("end", end);
        plan.put("status", "PLANNED");
        return plan;
    }
}
