package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.isecg.localstack.LocalStack;
import org.isecg.seeding.SeedReport;
import org.isecg.seeding.agencies.AgencyDataset;
import org.isecg.seeding.agencies.AgencyRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

/**
 * The register as the stack seeds it at start, through the gateway with the secretariat's token from the stack's
 * issuer: the project's data is all there, a second run of the tool (as {@code java -jar seeding/target/seeding.jar},
 * the command for any deployment) changes nothing and publishes no event on the {@code agencies} topic, and an entry
 * that a person changed stays as they made it.
 */
@ExtendWith(SharedStack.class)
class SeededRegisterIT {

    private static final String AGENCIES_TOPIC = "agencies";
    private static final List<AgencyRow> DATASET = AgencyDataset.bundled();

    private HubClient hub;
    private LocalStack stack;

    @BeforeEach
    void client(LocalStack sharedStack) {
        stack = sharedStack;
        hub = new HubClient(stack.gatewayUrl(), stack.issuerUri());
    }

    @Test
    void theRegisterListsTheTwentySevenMembersAndTheTwoNonMembersThatOwnPlans() {
        assertThat(stack.seedReport()).as("seeded at start").isPresent();
        assertThat(stack.seedReport().get().failed()).as(stack.seedReport().get().render()).isFalse();

        Map<String, JsonNode> register = registerAsAMemberReadsIt();

        List<JsonNode> seeded = DATASET.stream().map(row -> register.get(row.code())).toList();
        assertThat(seeded).as("every agency of the dataset").doesNotContainNull().hasSize(29);
        assertThat(seeded).filteredOn(entry -> entry.get("membership").asString().equals("MEMBER")).hasSize(27)
                .allSatisfy(member -> assertThat(member.get("memberSince").asInt()).isBetween(2007, 2021));
        assertThat(seeded).filteredOn(entry -> entry.get("membership").asString().equals("NON_MEMBER"))
                .extracting(entry -> entry.get("code").asString()).containsExactlyInAnyOrder("MBRSC", "CMSA");
        assertThat(register.get("MBRSC").get("memberSince").isNull()).isTrue();
        assertThat(register.get("ESA").get("countries")).hasSize(23);
        assertThat(register.get("ESA").get("kind").asString()).isEqualTo("INTERGOVERNMENTAL_ORGANISATION");
        assertThat(register.get("NZSA").get("memberSince").asInt()).isEqualTo(2021);
        assertThat(register.get("CNES").get("name").asString()).isEqualTo("Centre National d'Études Spatiales");
        // each written by the seeding client, as its history says
        JsonNode history = hub.get("/api/v1/agencies/UAESA/history").body();
        assertThat(history.get("entries").get(0).get("client").asString()).isEqualTo(LocalStack.SEEDING_CLIENT);
    }

    @Test
    void aSecondRunOfTheCommandReportsEverythingUnchangedAndPublishesNoEvent() throws Exception {
        // given: the register as seeded, and the agencies topic settled
        Map<String, Long> versions = versionsOfTheDataset();
        long events = settledEndOffset();

        // when: the tool as an operator runs it against any deployment
        String printed = runSeedingCommand();

        // then
        assertThat(printed).contains("agencies: 29 entries, 0 created, 29 unchanged, 0 updated, 0 left as changed, 0 failed");
        assertThat(versionsOfTheDataset()).isEqualTo(versions);
        await("no event on " + AGENCIES_TOPIC).during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> endOffset() == events);
    }

    @Test
    void anEntryAPersonChangedIsLeftAsTheyMadeItAndTheReportSaysWhoAndWhat() {
        // given: the register's desk (a client of its own with hub.secretariat) renames NZSA
        String code = "NZSA";
        String renamed = "New Zealand Space Agency (renamed at the desk)";
        HubClient.Response before = hub.getAs(SharedStack.REGISTER_DESK, "/api/v1/agencies/" + code);
        HubClient.Response changed = hub.putAs(SharedStack.REGISTER_DESK, "/api/v1/agencies/" + code, before.etag(),
                changeOf(before.body(), renamed));
        assertThat(changed.status()).as("the desk's change: %s", changed).isEqualTo(200);
        try {
            long events = settledEndOffset();

            // when: seeding runs again, as at the next start of the stack
            SeedReport report = stack.seed();

            // then: left as the desk made it, and said so; nothing written
            SeedReport.Section agencies = report.section("agencies");
            assertThat(agencies.keys(SeedReport.Result.LEFT_AS_CHANGED)).containsExactly(code);
            assertThat(agencies.count(SeedReport.Result.UNCHANGED)).isEqualTo(28);
            assertThat(agencies.outcomes()).filteredOn(outcome -> outcome.key().equals(code)).singleElement()
                    .satisfies(outcome -> assertThat(outcome.detail()).contains("changed by " + SharedStack.REGISTER_DESK)
                            .contains("name is \"" + renamed + "\" in the register, \"New Zealand Space Agency\" in the dataset"));
            HubClient.Response after = hub.get("/api/v1/agencies/" + code);
            assertThat(after.body().get("name").asString()).isEqualTo(renamed);
            assertThat(after.etag()).isEqualTo(changed.etag());
            await("no event on " + AGENCIES_TOPIC).during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> endOffset() == events);
        } finally {
            // the desk puts the dataset's name back, so that the register matches the dataset for the other tests
            HubClient.Response current = hub.getAs(SharedStack.REGISTER_DESK, "/api/v1/agencies/" + code);
            hub.putAs(SharedStack.REGISTER_DESK, "/api/v1/agencies/" + code, current.etag(),
                    changeOf(current.body(), "New Zealand Space Agency"));
        }
    }

    /** The entry as a PUT body (all but its code, version and status, which the register owns), with another name. */
    private static Map<String, Object> changeOf(JsonNode entry, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("countries", entry.get("countries").values().stream().map(JsonNode::asString).toList());
        body.put("kind", entry.get("kind").asString());
        body.put("membership", entry.get("membership").asString());
        body.put("memberSince", entry.get("memberSince").isNull() ? null : entry.get("memberSince").asInt());
        body.put("contactEmail", entry.get("contactEmail").isNull() ? null : entry.get("contactEmail").asString());
        return body;
    }

    /** {@code java -jar seeding/target/seeding.jar} against this stack, with the secret in the environment; its output. */
    private String runSeedingCommand() throws IOException, InterruptedException {
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        Path jar = repoRoot.resolve("seeding/target/seeding.jar");
        assertThat(jar).as("built by the reactor before the system tests").exists();
        Path output = Files.createTempFile(Path.of("target"), "seeding-", ".txt");
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--gateway", stack.gatewayUrl(), "--issuer", stack.issuerUri(),
                "--client-id", LocalStack.SEEDING_CLIENT)
                .redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().put("HUB_CLIENT_SECRET", "dev-" + LocalStack.SEEDING_CLIENT + "-secret");
        Process process = command.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the seeding command ended").isTrue();
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    private Map<String, JsonNode> registerAsAMemberReadsIt() {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        String token = null;
        do {
            HubClient.Response page = hub.get("/api/v1/agencies?pageSize=10" + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.status()).as("a page of the register: %s", page).isEqualTo(200);
            page.body().get("items").forEach(item -> entries.put(item.get("code").asString(), item));
            JsonNode next = page.body().get("nextPageToken");
            token = next == null || next.isNull() ? null : next.asString();
        } while (token != null);
        return entries;
    }

    private Map<String, Long> versionsOfTheDataset() {
        Map<String, JsonNode> register = registerAsAMemberReadsIt();
        return DATASET.stream().collect(Collectors.toMap(AgencyRow::code, row -> register.get(row.code()).get("version").asLong()));
    }

    /** The agencies topic's end offset once the relays have published what was pending (it stays put for 2 s). */
    private long settledEndOffset() {
        long[] last = {-1};
        await("the agencies topic settles").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            long now = endOffset();
            boolean settled = now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /** The sum of the end offsets of the agencies topic's partitions: one more for every event published. */
    private long endOffset() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(AGENCIES_TOPIC)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(AGENCIES_TOPIC).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(AGENCIES_TOPIC, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }
}
