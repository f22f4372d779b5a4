package org.isecg.seeding.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.isecg.seeding.Decision;
import org.isecg.seeding.FieldDifference;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The decision for one standard, from the catalogue's answers as the API describes them. */
class StandardDecisionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StandardDecisions RULES = new StandardDecisions();
    private static final String SEEDER = "seeding";
    private static final RevisionRow E = new RevisionRow("E", RevisionStatus.SUPERSEDED, "2016-10",
            List.of(new KeyParameter("passage_diameter", "800", "mm"), new KeyParameter("androgynous", "true", null)), "nasa.gov");
    private static final RevisionRow F = new RevisionRow("F", RevisionStatus.BASELINED, "2022-07", List.of(), "nasa.gov");
    private static final StandardEntry IDSS = new StandardEntry("IDSS", "International Docking System Standard", "DOCKING",
            Set.of("NASA", "ESA"), List.of(E, F));

    /** IDSS as published by seeding, as the catalogue answers it (units null where none, a description added). */
    private static final String IDSS_AS_SEEDED = """
            {"code": "IDSS", "version": 1, "title": "International Docking System Standard", "domain": "DOCKING",
             "description": "the catalogue's own", "stewards": ["NASA", "ESA"],
             "revisions": [
               {"revision": "E", "status": "SUPERSEDED", "published": "2016-10",
                "keyParameters": [{"name": "passage_diameter", "value": "800", "unit": "mm"},
                                  {"name": "androgynous", "value": "true", "unit": null}]},
               {"revision": "F", "status": "BASELINED", "published": "2022-07", "keyParameters": []}],
             "publishedAt": "2026-12-03T10:15:00Z", "updatedAt": "2026-12-03T10:15:00Z"}""";
    private static final JsonNode SEEDED_ONLY = history("seeding", "seeding");
    private static final JsonNode CHANGED_BY_THE_BOARD = history("seeding", "standards-board");

    @Test
    void aCodeTheCatalogueDoesNotHaveIsPublishedWithItsWholeHistory() {
        Decision decision = RULES.decide(IDSS, null, noHistory(), SEEDER);

        assertThat(decision).isEqualTo(new Decision.Create("IDSS", IDSS.publication()));
        assertThat(((Decision.Create) decision).body().get("revisions")).extracting(revision -> revision.get("status").asString())
                .containsExactly("SUPERSEDED", "BASELINED");
    }

    @Test
    void aStandardAsTheDatasetSaysIsUnchangedWithoutReadingItsHistoryWhateverItsDescription() {
        assertThat(RULES.decide(IDSS, json(IDSS_AS_SEEDED), noHistory(), SEEDER))
                .isEqualTo(new Decision.Unchanged("IDSS"));
    }

    @Test
    void newDetailsOfAStandardOnlySeedingWroteAreChangedUnderItsVersionKeepingTheDescription() {
        JsonNode current = json(IDSS_AS_SEEDED.replace("\"version\": 1", "\"version\": 2").replace("[\"NASA\", \"ESA\"]", "[\"NASA\"]"));

        Decision.Update update = (Decision.Update) RULES.decide(IDSS, current, () -> SEEDED_ONLY, SEEDER);

        assertThat(update.ifMatch()).isEqualTo("\"2\"");
        assertThat(update.differences()).containsExactly(new FieldDifference("stewards", "[\"ESA\",\"NASA\"]", "[\"NASA\"]"));
        assertThat(update.writes()).extracting(Decision.Write::method, Decision.Write::path).containsExactly(tuple("PUT", ""));
        assertThat(update.writes().get(0).body()).isEqualTo(json("""
                {"title": "International Docking System Standard", "domain": "DOCKING", "stewards": ["ESA", "NASA"],
                 "description": "the catalogue's own"}"""));
    }

    @Test
    void aRevisionTheCatalogueLacksIsAddedAndBaselinedWhichSupersedesTheOneBefore() {
        // given: seeding published IDSS when the dataset had only E, baselined
        JsonNode current = json("""
                {"code": "IDSS", "version": 1, "title": "International Docking System Standard", "domain": "DOCKING",
                 "description": null, "stewards": ["ESA", "NASA"],
                 "revisions": [{"revision": "E", "status": "BASELINED", "published": "2016-10",
                   "keyParameters": [{"name": "passage_diameter", "value": "800", "unit": "mm"},
                                     {"name": "androgynous", "value": "true"}]}]}""");

        Decision.Update update = (Decision.Update) RULES.decide(IDSS, current, () -> SEEDED_ONLY, SEEDER);

        assertThat(update.writes()).extracting(Decision.Write::method, Decision.Write::path).containsExactly(
                tuple("POST", "/revisions"), tuple("POST", "/revisions/F/baseline"));
        assertThat(update.writes().get(0).body()).isEqualTo(F.addition());
        assertThat(update.writes().get(1).body()).isNull();
        assertThat(update.differences()).extracting(FieldDifference::field).containsExactly("revisions[E].status", "revisions[F]");
    }

    @Test
    void aStandardWithNoRevisionYetGetsItsHistoryInOrderEachBaselinedBeforeTheNextSupersedesIt() {
        JsonNode current = json("""
                {"code": "IDSS", "version": 1, "title": "International Docking System Standard", "domain": "DOCKING",
                 "stewards": ["ESA", "NASA"], "revisions": []}""");

        Decision.Update update = (Decision.Update) RULES.decide(IDSS, current, () -> SEEDED_ONLY, SEEDER);

        assertThat(update.writes()).extracting(Decision.Write::method, Decision.Write::path).containsExactly(
                tuple("POST", "/revisions"), tuple("POST", "/revisions/E/baseline"),
                tuple("POST", "/revisions"), tuple("POST", "/revisions/F/baseline"));
    }

    @Test
    void aDraftTheDatasetRetiresIsRetiredAndOneItBaselinesIsBaselined() {
        StandardEntry lspg = new StandardEntry("LSPG", "Lunar surface power grid concept", "POWER", Set.of("NASA"), List.of(
                new RevisionRow("2022-trade-study", RevisionStatus.RETIRED, "2022", List.of(), "arxiv"),
                new RevisionRow("2025", RevisionStatus.BASELINED, null, List.of(), "arxiv")));
        JsonNode current = json("""
                {"code": "LSPG", "version": 3, "title": "Lunar surface power grid concept", "domain": "POWER", "stewards": ["NASA"],
                 "revisions": [{"revision": "2022-trade-study", "status": "DRAFT", "published": "2022", "keyParameters": []},
                               {"revision": "2025", "status": "DRAFT", "published": null, "keyParameters": []}]}""");

        Decision.Update update = (Decision.Update) RULES.decide(lspg, current, () -> SEEDED_ONLY, SEEDER);

        assertThat(update.writes()).extracting(Decision.Write::method, Decision.Write::path).containsExactly(
                tuple("POST", "/revisions/2022-trade-study/retirement"), tuple("POST", "/revisions/2025/baseline"));
        assertThat(update.ifMatch()).isEqualTo("\"3\"");
    }

    @Test
    void aStandardTheBoardChangedIsLeftAsTheyMadeItNamingThemAndTheDifferences() {
        JsonNode current = json(IDSS_AS_SEEDED.replace("\"title\": \"International Docking System Standard\"", "\"title\": \"IDSS\""));

        Decision decision = RULES.decide(IDSS, current, () -> CHANGED_BY_THE_BOARD, SEEDER);

        assertThat(decision).isEqualTo(new Decision.LeaveAsChanged("IDSS", Set.of("standards-board"),
                List.of(new FieldDifference("title", "\"International Docking System Standard\"", "\"IDSS\""))));
    }

    @Test
    void whatWouldMoveARevisionBackOrChangeOneTheCatalogueHasIsLeftEvenIfOnlySeedingWroteIt() {
        // F retired in the catalogue, baselined in the dataset: no operation brings a revision back
        JsonNode retired = json(IDSS_AS_SEEDED.replace("\"status\": \"BASELINED\"", "\"status\": \"RETIRED\""));
        assertThat(RULES.decide(IDSS, retired, () -> SEEDED_ONLY, SEEDER)).isEqualTo(new Decision.Unreachable(
                "IDSS", List.of(new FieldDifference("revisions[F].status", "\"BASELINED\"", "\"RETIRED\""))));

        // E's parameters are set when it is added
        JsonNode otherParameters = json(IDSS_AS_SEEDED.replace("\"value\": \"800\"", "\"value\": \"810\""));
        Decision decision = RULES.decide(IDSS, otherParameters, () -> SEEDED_ONLY, SEEDER);
        assertThat(decision).isInstanceOf(Decision.Unreachable.class);
        assertThat(((Decision.Unreachable) decision).differences()).extracting(FieldDifference::field)
                .containsExactly("revisions[E].keyParameters");

        // E baselined, the dataset has it superseded but nothing after it to supersede it
        StandardEntry onlyE = new StandardEntry("IDSS", IDSS.title(), IDSS.domain(), IDSS.stewards(), List.of(E));
        JsonNode baselined = json(IDSS_AS_SEEDED.replace("\"status\": \"SUPERSEDED\"", "\"status\": \"BASELINED\"")
                .replaceAll(",\\s*\\{\"revision\": \"F\".*\\}\\]", "]"));
        Decision stuck = RULES.decide(onlyE, baselined, () -> SEEDED_ONLY, SEEDER);
        assertThat(stuck).isEqualTo(new Decision.Unreachable("IDSS",
                List.of(new FieldDifference("revisions[E].status", "\"SUPERSEDED\"", "\"BASELINED\""))));

        // a revision the dataset no longer has: the catalogue deletes none
        StandardEntry withoutE = new StandardEntry("IDSS", IDSS.title(), IDSS.domain(), IDSS.stewards(), List.of(F));
        Decision dropped = RULES.decide(withoutE, json(IDSS_AS_SEEDED), () -> SEEDED_ONLY, SEEDER);
        assertThat(((Decision.Unreachable) dropped).differences()).extracting(FieldDifference::field).containsExactly("revisions[E]");
    }

    @Test
    void aStandardWithoutAnyHistoryIsNotTakenAsSeedingsOwn() {
        JsonNode current = json(IDSS_AS_SEEDED.replace("[\"NASA\", \"ESA\"]", "[\"NASA\"]"));

        Decision decision = RULES.decide(IDSS, current, () -> json("{\"entries\": []}"), SEEDER);

        assertThat(decision).isInstanceOf(Decision.LeaveAsChanged.class);
        assertThat(((Decision.LeaveAsChanged) decision).changedBy()).isEmpty();
    }

    private static Supplier<JsonNode> noHistory() {
        return () -> {
            throw new AssertionError("the history is read only for a standard that differs");
        };
    }

    /** A history answer whose versions, from 1, were written by these clients. */
    private static JsonNode history(String... clients) {
        ObjectNode history = JSON.createObjectNode();
        ArrayNode entries = history.putArray("entries");
        for (int version = 1; version <= clients.length; version++) {
            entries.addObject().put("version", version).put("event", "org.isecg.standards.standard.updated.v1")
                    .put("at", "2026-12-03T10:15:00Z").put("client", clients[version - 1]).putNull("agency").putNull("importedBy");
        }
        return history;
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
