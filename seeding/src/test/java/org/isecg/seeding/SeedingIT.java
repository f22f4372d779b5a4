package org.isecg.seeding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.isecg.seeding.FakeHub.Recorded;
import org.isecg.seeding.SeedReport.Result;
import org.isecg.seeding.agencies.AgencyDataset;
import org.isecg.seeding.api.HttpSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import tools.jackson.databind.json.JsonMapper;

/**
 * The tool over real HTTP against {@link FakeHub}, a loopback deployment that records every request and fails
 * some on purpose: what the tool sends, and what it does when the deployment fails. The real register, behind
 * the real gateway and issuer, is the system test's (system-tests, {@code SeededRegisterIT}).
 */
@Timeout(60)
class SeedingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpSettings FAST = HttpSettings.defaults().withBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
            .withRequestTimeout(Duration.ofSeconds(5));
    private static final int ROWS = AgencyDataset.bundled().size();

    private FakeHub hub;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    @Test
    void aFirstRunCreatesEveryAgencyUnderAKeyOfItsRowAndASecondWritesNothing() {
        // when
        SeedReport first = seed();

        // then
        assertThat(first.section("agencies").count(Result.CREATED)).isEqualTo(ROWS);
        assertThat(first.failed()).isFalse();
        assertThat(hub.entry("ESA").get("countries")).hasSize(23);
        assertThat(hub.entry("CMSA").get("membership").asString()).isEqualTo("NON_MEMBER");
        List<Recorded> creates = hub.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/v1/agencies")).toList();
        assertThat(creates).hasSize(ROWS).allSatisfy(create -> {
            assertThat(create.header("Authorization")).isEqualTo("Bearer token-of-secretariat");
            assertThat(create.header("Idempotency-Key")).startsWith("seed-agencies-");
        });
        assertThat(creates.stream().map(c -> c.header("Idempotency-Key")).collect(Collectors.toSet())).hasSize(ROWS);
        assertThat(hub.writes()).isEqualTo(ROWS);

        // when: again, as after a restart of the stack
        hub.forgetRequests();
        SeedReport second = seed();

        // then: every entry read, none written, no event
        assertThat(second.section("agencies").count(Result.UNCHANGED)).isEqualTo(ROWS);
        assertThat(second.changedNothing()).isTrue();
        assertThat(hub.requests()).noneMatch(Recorded::isWrite);
        assertThat(hub.requests()).noneMatch(r -> r.path().endsWith("/history"));
        assertThat(hub.writes()).isEqualTo(ROWS);
        // the register was read in pages
        assertThat(hub.requests()).filteredOn(r -> r.path().startsWith("/api/v1/agencies?")).hasSize(3);
    }

    @Test
    void aPersonsChangeIsLeftAndReportedWhileADatasetChangeToSeedingsOwnEntryIsWrittenUnderItsVersion() {
        // given: a seeded register, then the desk renames NASA; ESA is as an older dataset had it
        seed();
        hub.changeAs("register-desk", "NASA", "name", JSON.getNodeFactory().stringNode("NASA (renamed at the desk)"));
        hub.changeAs("secretariat", "ESA", "name", JSON.getNodeFactory().stringNode("ESA, as an older dataset said"));
        int writes = hub.writes();
        hub.forgetRequests();

        // when
        SeedReport report = seed();

        // then
        SeedReport.Section agencies = report.section("agencies");
        assertThat(agencies.keys(Result.LEFT_AS_CHANGED)).containsExactly("NASA");
        assertThat(agencies.keys(Result.UPDATED)).containsExactly("ESA");
        assertThat(agencies.count(Result.UNCHANGED)).isEqualTo(ROWS - 2);
        assertThat(hub.entry("NASA").get("name").asString()).isEqualTo("NASA (renamed at the desk)");
        assertThat(hub.entry("ESA").get("name").asString()).isEqualTo("European Space Agency");
        assertThat(hub.writes()).isEqualTo(writes + 1);
        Recorded put = hub.requests().stream().filter(Recorded::isWrite).findFirst().orElseThrow();
        assertThat(put.method() + " " + put.path()).isEqualTo("PUT /api/v1/agencies/ESA");
        assertThat(put.header("If-Match")).isEqualTo("\"2\"");
        assertThat(report.render())
                .contains("left as changed        agencies NASA: changed by register-desk; name is "
                        + "\"NASA (renamed at the desk)\" in the register, \"National Aeronautics and Space Administration\" in the dataset")
                .contains("updated                agencies ESA: name is \"ESA, as an older dataset said\" in the register");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsRetriedUnderTheSameKeyAndRegistersOnce() {
        // given: the register takes NASA's create but the answer is lost twice (503), as behind a stalled gateway
        hub.fail("POST", "/api/v1/agencies", 1, 503, true);
        hub.fail("POST", "/api/v1/agencies", 1, 503, false);

        // when
        SeedReport report = seed();

        // then
        assertThat(report.failed()).isFalse();
        assertThat(report.section("agencies").count(Result.CREATED)).isEqualTo(ROWS);
        List<Recorded> firstRowCreates = hub.requests().stream().filter(Recorded::isWrite).limit(3).toList();
        assertThat(firstRowCreates).extracting(r -> r.header("Idempotency-Key")).containsOnly(firstRowCreates.get(0).header("Idempotency-Key"));
        assertThat(hub.writes()).isEqualTo(ROWS);
    }

    @Test
    void aDeploymentThatKeepsFailingIsTriedABoundedNumberOfTimesAndTheRunFails() {
        // given: the first row's create answers 500 as often as the tool tries
        hub.fail("POST", "/api/v1/agencies", FAST.maxAttempts(), 500, false);

        // when
        SeedReport report = seed();

        // then
        assertThat(report.failed()).isTrue();
        SeedReport.Section agencies = report.section("agencies");
        assertThat(agencies.keys(Result.FAILED)).containsExactly("ASI");
        assertThat(agencies.outcomes().get(0).detail()).startsWith("POST answered 500");
        assertThat(hub.requests()).filteredOn(r -> r.method().equals("POST") && r.body().contains("\"code\":\"ASI\""))
                .hasSize(FAST.maxAttempts());
        assertThat(hub.entry("ASI")).isNull();
        assertThat(agencies.count(Result.CREATED)).isEqualTo(ROWS - 1);
    }

    @Test
    void aDryRunReadsAndReportsWhatItWouldCreateAndWritesNothing() {
        SeedReport report = Seeder.forDeployment(URI.create(hub.url()), URI.create(hub.url()), "secretariat",
                "dev-secretariat-secret", FAST).seed(Seeder.datasets(List.of("agencies")), true);

        assertThat(report.section("agencies").count(Result.CREATED)).isEqualTo(ROWS);
        assertThat(report.render()).contains("would create", "(dry run) agencies: " + ROWS + " entries");
        assertThat(hub.requests()).noneMatch(r -> r.path().startsWith("/api/") && r.isWrite());
        assertThat(hub.writes()).isZero();
    }

    @Test
    void theCommandExitsZeroWhenSeededNonZeroOnAWrongSecretAnUnreachableGatewayOrBadArguments() throws IOException {
        String[] good = {"--gateway", hub.url(), "--issuer", hub.url(), "--client-id", "secretariat",
                "--client-secret", "dev-secretariat-secret"};
        assertThat(runCommand(good)).startsWith("0\n").contains("agencies: " + ROWS + " entries, " + ROWS + " created");
        assertThat(runCommand(good)).startsWith("0\n").contains(ROWS + " unchanged");

        String wrongSecret = runCommand("--gateway", hub.url(), "--issuer", hub.url(), "--client-id", "secretariat",
                "--client-secret", "not-the-secret");
        assertThat(wrongSecret).startsWith("1\n").contains("refused a token for client 'secretariat': 401 invalid_client");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = runCommand("--gateway", "http://127.0.0.1:" + closedPort, "--issuer", hub.url(),
                "--client-id", "secretariat", "--client-secret", "dev-secretariat-secret");
        assertThat(unreachable).startsWith("1\n").contains("failed after 5 tries: ConnectException");

        assertThat(runCommand("--gateway", hub.url())).startsWith("2\n").contains("missing --issuer (HUB_ISSUER)");
        assertThat(runCommand("--gateway", "http://hub.example.org", "--issuer", hub.url(), "--client-id", "x",
                "--client-secret", "y")).startsWith("2\n").contains("plain http would send the client's secret");
        assertThat(runCommand(good[0], good[1], good[2], good[3], good[4], good[5], good[6], good[7], "--dataset", "plans"))
                .startsWith("2\n").contains("no dataset 'plans'; known: agencies, standards");
    }

    private SeedReport seed() {
        return Seeder.forDeployment(URI.create(hub.url()), URI.create(hub.url()), "secretariat", "dev-secretariat-secret", FAST)
                .seed(Seeder.datasets(List.of("agencies")), false);
    }

    /** The exit code, a newline, then what the command printed on both streams. */
    private static String runCommand(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int code = SeedMain.run(args);
            return code + "\n" + printed.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
