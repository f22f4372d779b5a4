package org.isecg.seeding.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Set;
import java.util.function.Supplier;

import org.isecg.seeding.Decision;
import org.isecg.seeding.FieldDifference;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The decision for one row, from the register's answers as agency-service writes them. */
class AgencyDecisionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AgencyDecisions RULES = new AgencyDecisions();
    private static final String SEEDER = "secretariat";
    private static final AgencyRow ESA = new AgencyRow("ESA", "European Space Agency", Set.of("FR", "DE", "IT"),
            "INTERGOVERNMENTAL_ORGANISATION", 2007, "esa.int");
    private static final AgencyRow MBRSC = new AgencyRow("MBRSC", "Mohammed bin Rashid Space Centre", Set.of("AE"),
            "NATIONAL_AGENCY", null, "not a member");

    private static final String ESA_AS_SEEDED = """
            {"code": "ESA", "version": 1, "name": "European Space Agency", "countries": ["IT", "DE", "FR"],
             "kind": "INTERGOVERNMENTAL_ORGANISATION", "membership": "MEMBER", "memberSince": 2007,
             "contactEmail": null, "status": "ACTIVE"}""";
    private static final String ESA_RENAMED_AT_2 = """
            {"code": "ESA", "version": 2, "name": "ESA", "countries": ["DE", "FR", "IT"],
             "kind": "INTERGOVERNMENTAL_ORGANISATION", "membership": "MEMBER", "memberSince": 2007,
             "contactEmail": "liaison@esa.int", "status": "INACTIVE", "website": "https://www.esa.int",
             "registeredAt": "2026-12-03T10:15:00Z", "updatedAt": "2026-12-03T11:02:41Z"}""";
    private static final String SEEDED_TWICE = """
            {"entries": [
              {"version": 1, "event": "org.isecg.register.agency.registered.v1", "at": "2026-12-03T10:15:00Z",
               "client": "secretariat", "agency": null, "importedBy": null},
              {"version": 2, "event": "org.isecg.register.agency.updated.v1", "at": "2026-12-03T11:02:41Z",
               "client": "secretariat", "agency": null, "importedBy": null}]}""";
    private static final String CHANGED_BY_A_PERSON = """
            {"entries": [
              {"version": 1, "event": "org.isecg.register.agency.registered.v1", "at": "2026-12-03T10:15:00Z",
               "client": "secretariat", "agency": null, "importedBy": null},
              {"version": 2, "event": "org.isecg.register.agency.updated.v1", "at": "2026-12-03T11:02:41Z",
               "client": "register-desk", "agency": null, "importedBy": null}]}""";

    @Test
    void aCodeTheRegisterDoesNotHaveIsCreatedWithTheRowsRegistration() {
        Decision decision = RULES.decide(ESA, null, noHistory(), SEEDER);

        assertThat(decision).isInstanceOf(Decision.Create.class);
        assertThat(((Decision.Create) decision).body()).isEqualTo(ESA.registration());
    }

    @Test
    void anEntryAsTheDatasetSaysItIsUnchangedWithoutReadingItsHistory() {
        Decision decision = RULES.decide(ESA, json(ESA_AS_SEEDED), noHistory(), SEEDER);

        assertThat(decision).isEqualTo(new Decision.Unchanged("ESA"));
    }

    @Test
    void aDifferenceOnlyInWhatTheDatasetDoesNotHoldIsNoDifference() {
        // given: contact e-mail and status are the register's own
        JsonNode entry = json(ESA_RENAMED_AT_2.replace("\"name\": \"ESA\"", "\"name\": \"European Space Agency\""));

        assertThat(RULES.decide(ESA, entry, noHistory(), SEEDER)).isEqualTo(new Decision.Unchanged("ESA"));
    }

    @Test
    void anEntryOnlyTheSeedingClientEverWroteIsUpdatedUnderItsVersionKeepingWhatTheDatasetDoesNotHold() {
        // the entry carries fields the dataset does not hold (a website) and the register's own (timestamps)
        Decision decision = RULES.decide(ESA, json(ESA_RENAMED_AT_2), () -> json(SEEDED_TWICE), SEEDER);

        assertThat(decision).isInstanceOf(Decision.Update.class);
        Decision.Update update = (Decision.Update) decision;
        assertThat(update.ifMatch()).isEqualTo("\"2\"");
        assertThat(update.differences()).containsExactly(
                new FieldDifference("name", "\"European Space Agency\"", "\"ESA\""));
        assertThat(update.writes()).extracting(Decision.Write::method, Decision.Write::path).containsExactly(tuple("PUT", ""));
        assertThat(update.writes().get(0).body()).isEqualTo(json("""
                {"name": "European Space Agency", "countries": ["DE", "FR", "IT"],
                 "kind": "INTERGOVERNMENTAL_ORGANISATION", "membership": "MEMBER", "memberSince": 2007,
                 "contactEmail": "liaison@esa.int", "website": "https://www.esa.int"}"""));
    }

    @Test
    void anEntryAnotherClientChangedIsLeftAsTheyMadeItNamingThemAndTheDifferences() {
        Decision decision = RULES.decide(ESA, json(ESA_RENAMED_AT_2), () -> json(CHANGED_BY_A_PERSON), SEEDER);

        assertThat(decision).isEqualTo(new Decision.LeaveAsChanged("ESA", Set.of("register-desk"),
                java.util.List.of(new FieldDifference("name", "\"European Space Agency\"", "\"ESA\""))));
    }

    @Test
    void anEntryWithoutAnyHistoryIsNotTakenAsSeedingsOwn() {
        Decision decision = RULES.decide(ESA, json(ESA_RENAMED_AT_2), () -> json("{\"entries\": []}"), SEEDER);

        assertThat(decision).isInstanceOf(Decision.LeaveAsChanged.class);
        assertThat(((Decision.LeaveAsChanged) decision).changedBy()).isEmpty();
    }

    @Test
    void aNonMemberTheRegisterMadeAMemberDiffersInMembershipAndYearAndIsPutBackWithoutAYear() {
        JsonNode entry = json("""
                {"code": "MBRSC", "version": 3, "name": "Mohammed bin Rashid Space Centre", "countries": ["AE"],
                 "kind": "NATIONAL_AGENCY", "membership": "MEMBER", "memberSince": 2024,
                 "contactEmail": null, "status": "ACTIVE"}""");

        Decision decision = RULES.decide(MBRSC, entry, () -> json(SEEDED_TWICE), SEEDER);

        Decision.Update update = (Decision.Update) decision;
        assertThat(update.differences()).extracting(FieldDifference::field).containsExactly("membership", "memberSince");
        assertThat(update.writes().get(0).body().get("membership").asString()).isEqualTo("NON_MEMBER");
        assertThat(update.writes().get(0).body().get("memberSince").isNull()).isTrue();
        assertThat(update.ifMatch()).isEqualTo("\"3\"");
    }

    @Test
    void countriesDifferAsSetsAndEveryDatasetFieldIsCompared() {
        JsonNode entry = json("""
                {"code": "ESA", "version": 1, "name": "European Space Agency", "countries": ["FR", "DE"],
                 "kind": "NATIONAL_AGENCY", "membership": "MEMBER", "memberSince": 2008, "status": "ACTIVE"}""");

        assertThat(RULES.differences(ESA, entry)).extracting(FieldDifference::field)
                .containsExactly("countries", "kind", "memberSince");
    }

    private static Supplier<JsonNode> noHistory() {
        return () -> {
            throw new AssertionError("the history is read only for an entry that differs");
        };
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
