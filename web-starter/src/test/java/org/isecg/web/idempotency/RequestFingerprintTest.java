package org.isecg.web.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTest {

    enum Capability { LANDER, ROVER, HABITAT }

    record Ref(String standard, String revision) {
    }

    record Draft(String owner, String title, Set<Capability> capabilities, LocalDate start, List<String> steps,
            Map<String, String> parameters, Set<Ref> conformsTo) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theFingerprintIsTheSha256OfTheCanonicalForm() {
        assertThat(RequestFingerprint.of(draft())).matches("sha-256:[0-9a-f]{64}");
    }

    @Test
    void theCanonicalFormSortsMembersKeysAndSetElementsKeepsListOrderAndWritesEnumsAndDatesAsText() {
        // set elements are sorted by their own canonical form: {"revision":"A",...} before {"revision":"E",...}
        assertThat(RequestFingerprint.canonicalJson(draft())).isEqualTo("{\"capabilities\":[\"LANDER\",\"ROVER\"],"
                + "\"conformsTo\":[{\"revision\":\"A\",\"standard\":\"SSP\"},{\"revision\":\"E\",\"standard\":\"IDSS\"}],"
                + "\"owner\":\"ESA\",\"parameters\":{\"a\":\"1\",\"b\":\"2\"},\"start\":\"2030-01-01\","
                + "\"steps\":[\"design\",\"build\"],\"title\":\"Lander\"}");
    }

    @Test
    void bodiesThatDifferInWhitespaceMemberOrderOrTheOrderOfASetAreTheSameRequest() {
        // given the same request as two clients may send it
        Draft compact = JSON.readValue("{\"owner\":\"ESA\",\"title\":\"Lander\",\"capabilities\":[\"LANDER\",\"ROVER\"],"
                + "\"start\":\"2030-01-01\",\"steps\":[\"design\",\"build\"],\"parameters\":{\"a\":\"1\",\"b\":\"2\"},"
                + "\"conformsTo\":[{\"standard\":\"IDSS\",\"revision\":\"E\"},{\"standard\":\"SSP\",\"revision\":\"A\"}]}",
                Draft.class);
        Draft reordered = JSON.readValue("""
                {
                  "conformsTo": [ {"revision": "A", "standard": "SSP"}, {"revision": "E", "standard": "IDSS"} ],
                  "parameters": { "b": "2", "a": "1" },
                  "steps": [ "design", "build" ],
                  "start": "2030-01-01",
                  "capabilities": [ "ROVER", "LANDER" ],
                  "title": "Lander",
                  "owner": "ESA"
                }""", Draft.class);

        // then
        assertThat(RequestFingerprint.of(reordered)).isEqualTo(RequestFingerprint.of(compact));
    }

    @Test
    void aMemberSentAsNullAndOneLeftOutAreTheSameRequest() {
        Draft withNull = JSON.readValue("{\"owner\":\"ESA\",\"title\":null}", Draft.class);
        Draft without = JSON.readValue("{\"owner\":\"ESA\"}", Draft.class);

        assertThat(RequestFingerprint.of(withNull)).isEqualTo(RequestFingerprint.of(without));
    }

    @Test
    void anyDifferentValueIsADifferentRequest() {
        String original = RequestFingerprint.of(draft());

        assertThat(RequestFingerprint.of(draft("Lander 2", List.of("design", "build")))).isNotEqualTo(original);
        assertThat(RequestFingerprint.of(draft("Lander", List.of("build", "design"))))
                .as("a list's order is part of the request").isNotEqualTo(original);
    }

    private static Draft draft() {
        return draft("Lander", List.of("design", "build"));
    }

    private static Draft draft(String title, List<String> steps) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("b", "2");
        parameters.put("a", "1");
        return new Draft("ESA", title, new LinkedHashSet<>(Arrays.asList(Capability.ROVER, Capability.LANDER)),
                LocalDate.of(2030, 1, 1), steps, parameters,
                new LinkedHashSet<>(List.of(new Ref("SSP", "A"), new Ref("IDSS", "E"))));
    }
}
