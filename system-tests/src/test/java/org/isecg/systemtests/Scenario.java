package org.isecg.systemtests;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test data for one scenario: two agencies and a lunar region of its own, and the two duplicating
 * plans of the thin path, modelled on real missions. Detection pairs every plan with every other at
 * the same place, so scenarios sharing a stack must not share a region.
 * <p>
 * An agency writes its own plans with its own token, so a scenario's agencies are clients of the
 * stack's issuer (docs/security.md, "Clients"); the plans' bodies name no owner, which comes from the
 * token. Each scenario takes the next pair, so that scenarios rarely share an inbox; where they do
 * (more scenarios than pairs), tests tell theirs apart by plan id.
 */
final class Scenario {

    /** Seeded clients of the issuer, each with the country it is registered in; NASA and ESA are TwoAgenciesIT's. */
    private static final List<List<String>> PAIRS = List.of(
            List.of("JAXA", "JP", "CSA", "CA"), List.of("DLR", "DE", "ISRO", "IN"),
            List.of("KARI", "KR", "UKSA", "GB"), List.of("CNES", "FR", "ASI", "IT"));
    private static final AtomicInteger NEXT = new AtomicInteger();

    final String first;
    final String second;
    final String region;
    private final String firstCountry;
    private final String secondCountry;

    private Scenario(String first, String firstCountry, String second, String secondCountry) {
        this.first = first;
        this.second = second;
        this.firstCountry = firstCountry;
        this.secondCountry = secondCountry;
        this.region = "SOUTH_POLE_" + suffix();
    }

    /** The next pair of agencies, in a region of its own. */
    static Scenario fresh() {
        List<String> pair = PAIRS.get(Math.floorMod(NEXT.getAndIncrement(), PAIRS.size()));
        return new Scenario(pair.get(0), pair.get(1), pair.get(2), pair.get(3));
    }

    /** These two agencies (seeded clients of the issuer), in a region of their own. */
    static Scenario of(String first, String firstCountry, String second, String secondCountry) {
        return new Scenario(first, firstCountry, second, secondCountry);
    }

    /** An agency code that neither the register nor the issuer knows. */
    static String unknownAgency() {
        return "U" + suffix();
    }

    /** Both agencies in the register, as the secretariat registers them (once per stack). */
    Scenario registeredWith(HubClient hub) {
        hub.ensureRegistered(first, firstCountry);
        hub.ensureRegistered(second, secondCountry);
        return this;
    }

    /** A pressurised rover at the scenario's part of the lunar south pole, 2029 to 2032. */
    Map<String, Object> roverPlanOfFirst() {
        return plan("Pressurised lunar rover", List.of("ROVER", "CREW_TRANSPORT"), "2029-01-01", "2032-12-31");
    }

    /** A lander with a rover at the lunar south pole, 2026 to 2030: it shares the ROVER function. */
    Map<String, Object> landerPlanOfSecond() {
        return plan("South pole lander and rover", List.of("ORBITER", "LANDER", "ROVER"), "2026-08-01", "2030-12-31");
    }

    /** A lander alone at the scenario's part of the south pole: two in overlapping windows are a LOW duplication. */
    Map<String, Object> lander(String title, String start, String end) {
        return plan(title, List.of("LANDER"), start, end);
    }

    /** The plan as the secretariat imports it for its owner: the one kind of write whose body names the owner. */
    static Map<String, Object> importedFor(String owner, Map<String, Object> plan) {
        Map<String, Object> imported = new HashMap<>(plan);
        imported.put("ownerAgency", owner);
        return imported;
    }

    private Map<String, Object> plan(String title, List<String> capabilities, String start, String end) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("title", title);
        plan.put("destination", "MOON");
        plan.put("region", region);
        plan.put("capabilities", capabilities);
        plan.put("start", start);
        plan.put("end", end);
        plan.put("status", "PLANNED");
        return plan;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }
}
