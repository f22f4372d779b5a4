package org.isecg.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.isecg.seeding.FakeHub.Recorded;
import org.isecg.seeding.SeedReport.Result;
import org.isecg.seeding.api.HttpSettings;
import org.isecg.seeding.standards.RevisionRow;
import org.isecg.seeding.standards.RevisionStatus;
import org.isecg.seeding.standards.StandardDataset;
import org.isecg.seeding.standards.StandardEntry;
import org.isecg.seeding.standards.StandardSeeding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.JsonNode;

/**
 * The standards dataset over real HTTP against {@link FakeHub}'s catalogue, seeded after the register as the tool
 * does: what it sends, a re-run, a lost answer, a replica of the register that trails, and a person's change.
 */
@Timeout(60)
class StandardSeedingIT {

    private static final HttpSettings FAST = HttpSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
            .withRequestTimeout(Duration.ofSeconds(5)).withReplicaLag(Duration.ofSeconds(5));
    private static final List<StandardEntry> CATALOGUE = StandardDataset.bundled();
    private static final int STANDARDS = CATALOGUE.size();

    private FakeHub hub;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        seed(FAST, List.of("agencies"));
        hub.forgetRequests();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aFirstRunPublishesEachStandardOnceWithItsHistoryAndASecondWritesNothing() {
        int writes = hub.writes();

        SeedReport first = seed(FAST, List.of("standards"));

        assertThat(first.failed()).as(first.render()).isFalse();
        assertThat(first.section("standards").count(Result.CREATED)).isEqualTo(STANDARDS);
        List<Recorded> creates = hub.requests().stream().filter(Recorded::isWrite).toList();
        assertThat(creates).hasSize(STANDARDS).allSatisfy(create -> {
            assertThat(create.method() + " " + create.path()).isEqualTo("POST /api/v1/standards");
            assertThat(create.header("Idempotency-Key")).startsWith("seed-standards-");
        });
        assertThat(creates.stream().map(c -> c.header("Idempotency-Key")).collect(Collectors.toSet())).hasSize(STANDARDS);
        assertThat(hub.writes()).isEqualTo(writes + STANDARDS);
        JsonNode idss = hub.standard("IDSS");
        assertThat(idss.get("revisions")).extracting(r -> r.get("revision").asString() + " " + r.get("status").asString())
                .containsExactly("E SUPERSEDED", "F BASELINED");
        assertThat(idss.get("revisions").get(0).get("keyParameters").get(0).toString())
                .isEqualTo("{\"name\":\"passage_diameter\",\"value\":\"800\",\"unit\":\"mm\"}");
        assertThat(hub.standard("LSPG").get("revisions").get(0).get("status").asString()).isEqualTo("DRAFT");

        // when: again, as after a restart of the stack
        hub.forgetRequests();
        SeedReport second = seed(FAST, List.of("standards"));

        assertThat(second.section("standards").count(Result.UNCHANGED)).as(second.render()).isEqualTo(STANDARDS);
        assertThat(hub.requests()).noneMatch(Recorded::isWrite);
        assertThat(hub.requests()).noneMatch(r -> r.path().endsWith("/history"));
        assertThat(hub.writes()).isEqualTo(writes + STANDARDS);
        // the catalogue was read in pages
        assertThat(hub.requests()).filteredOn(r -> r.path().startsWith("/api/v1/standards?")).hasSize(2);
    }

    @Test
    void aPublicationWhoseAnswerWasLostIsRetriedUnderTheSameKeyAndPublishesOnce() {
        hub.fail("POST", "/api/v1/standards", 1, 503, true);
        hub.fail("POST", "/api/v1/standards", 1, 503, false);
        int writes = hub.writes();

        SeedReport report = seed(FAST, List.of("standards"));

        assertThat(report.failed()).as(report.render()).isFalse();
        assertThat(report.section("standards").count(Result.CREATED)).isEqualTo(STANDARDS);
        List<Recorded> firstCreates = hub.requests().stream().filter(Recorded::isWrite).limit(3).toList();
        assertThat(firstCreates).extracting(r -> r.header("Idempotency-Key")).containsOnly(firstCreates.get(0).header("Idempotency-Key"));
        assertThat(hub.writes()).isEqualTo(writes + STANDARDS);
    }

    @Test
    void aStewardTheCataloguesReplicaDoesNotKnowYetIsTriedAgainUntilItDoes() {
        // given: the catalogue's replica of the register trails it by three refusals
        hub.stewardsNotReplicatedFor(3);

        SeedReport report = seed(FAST, List.of("standards"));

        assertThat(report.failed()).as(report.render()).isFalse();
        assertThat(report.section("standards").count(Result.CREATED)).isEqualTo(STANDARDS);
        String first = CATALOGUE.get(0).code();
        assertThat(hub.requests()).filteredOn(r -> r.isWrite() && r.body().contains("\"code\":\"" + first + "\"")).hasSize(4);
    }

    @Test
    void aStewardStillUnknownAfterTheReplicaLagFailsThatStandardAndAnyOther4xxIsNotTriedAgain() {
        // given: the replica never catches up within a short lag, and the catalogue refuses one body outright
        hub.stewardsNotReplicatedFor(Integer.MAX_VALUE);
        HttpSettings shortLag = FAST.withReplicaLag(Duration.ofMillis(300));
        long started = System.nanoTime();

        SeedReport report = seed(shortLag, List.of("standards"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the lag, standard by standard")
                .isLessThan(Duration.ofSeconds(STANDARDS));
        assertThat(report.failed()).isTrue();
        SeedReport.Section standards = report.section("standards");
        assertThat(standards.count(Result.FAILED)).isEqualTo(STANDARDS);
        assertThat(standards.outcomes().get(0).detail()).startsWith("POST answered 422 /problems/rule-violation: steward");
        assertThat(hub.requests().stream().filter(Recorded::isWrite).count()).isGreaterThan(STANDARDS);

        // when: the replica has caught up, but the catalogue refuses IASIS's body with a 400
        hub.stewardsNotReplicatedFor(0);
        hub.forgetRequests();
        hub.fail("POST", "/api/v1/standards", 1, 400, false);
        SeedReport next = seed(shortLag, List.of("standards"));

        assertThat(next.section("standards").keys(Result.FAILED)).containsExactly("IASIS");
        assertThat(hub.requests()).filteredOn(r -> r.isWrite() && r.body().contains("\"code\":\"IASIS\"")).hasSize(1);
        assertThat(next.section("standards").count(Result.CREATED)).isEqualTo(STANDARDS - 1);
    }

    @Test
    void aBoardsChangeIsLeftAndReportedWhileARevisionTheDatasetGainedIsAddedAndBaselinedUnderEachVersion() {
        // given: the catalogue as an older dataset had it, with IDSS at E, baselined
        StandardEntry idss = CATALOGUE.stream().filter(s -> s.code().equals("IDSS")).findFirst().orElseThrow();
        RevisionRow e = idss.revisions().get(0);
        StandardEntry olderIdss = new StandardEntry("IDSS", idss.title(), idss.domain(), idss.stewards(),
                List.of(new RevisionRow("E", RevisionStatus.BASELINED, e.published(),
                        e.keyParameters(), e.source())));
        List<StandardEntry> older = CATALOGUE.stream().map(s -> s.code().equals("IDSS") ? olderIdss : s).toList();
        seeder(FAST).seed(List.of(StandardSeeding.of(older)), false);
        // and the standards board retitles LNIS
        hub.changeStandardAs("standards-board", "LNIS", standard -> standard.put("title", "LunaNet (the board's title)"));
        int writes = hub.writes();
        hub.forgetRequests();

        // when: the dataset as it is now
        SeedReport report = seed(FAST, List.of("standards"));

        // then
        SeedReport.Section standards = report.section("standards");
        assertThat(standards.keys(Result.LEFT_AS_CHANGED)).containsExactly("LNIS");
        assertThat(standards.keys(Result.UPDATED)).containsExactly("IDSS");
        assertThat(hub.standard("LNIS").get("title").asString()).isEqualTo("LunaNet (the board's title)");
        assertThat(hub.standard("IDSS").get("revisions")).extracting(r -> r.get("revision").asString() + " " + r.get("status").asString())
                .containsExactly("E SUPERSEDED", "F BASELINED");
        List<Recorded> idssWrites = hub.requests().stream().filter(Recorded::isWrite).toList();
        assertThat(idssWrites).extracting(r -> r.method() + " " + r.path() + " " + r.header("If-Match")).containsExactly(
                "POST /api/v1/standards/IDSS/revisions \"1\"", "POST /api/v1/standards/IDSS/revisions/F/baseline \"2\"");
        assertThat(hub.writes()).isEqualTo(writes + 2);
        assertThat(report.render()).contains("left as changed        standards LNIS: changed by standards-board; title is "
                + "\"LunaNet (the board's title)\" in the register, \"LunaNet Interoperability Specification\" in the dataset");

        // and a run after that writes nothing
        hub.forgetRequests();
        assertThat(seed(FAST, List.of("standards")).changedNothing()).isTrue();
        assertThat(hub.requests()).noneMatch(Recorded::isWrite);
    }

    @Test
    void aDryRunReportsWhatItWouldPublishAndWritesNothing() {
        SeedReport report = seeder(FAST).seed(Seeder.datasets(List.of("standards")), true);

        assertThat(report.section("standards").count(Result.CREATED)).isEqualTo(STANDARDS);
        assertThat(report.render()).contains("would create", "(dry run) standards: " + STANDARDS + " entries");
        assertThat(hub.requests()).noneMatch(Recorded::isWrite);
    }

    private SeedReport seed(HttpSettings settings, List<String> datasets) {
        return seeder(settings).seed(Seeder.datasets(datasets), false);
    }

    private Seeder seeder(HttpSettings settings) {
        return Seeder.forDeployment(URI.create(hub.url()), URI.create(hub.url()), "secretariat", "dev-secretariat-secret", settings);
    }
}
