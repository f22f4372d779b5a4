package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole stack with stand-ins for the services (the real jars are built by other modules). */
class LocalStackIT {

    @TempDir
    Path dir;

    @Test
    void startsEveryServiceWithItsEnvironmentAndStopsThemAll() throws Exception {
        LocalStackConfig config = LocalStackConfig.defaults(dir.resolve("repo"))
                .withDataDir(dir.resolve("data"))
                .withBasePort(0)
                .withLauncher((service, repoRoot) -> TestServices.healthEndpoint())
                // the stand-ins have no API to seed
                .withSeeding(false)
                .withExtraEnvironment(HubService.NOTIFICATION_SERVICE, Map.of("ISECG_TEST_MARKER", "hello"));
        List<Long> pids;

        try (LocalStack stack = LocalStack.start(config)) {
            StackPorts ports = stack.ports();
            String mongo = stack.mongoConnectionString();
            pids = Stream.of(HubService.values()).map(service -> stack.service(service).pid()).toList();

            assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
            assertThat(healthStatus(stack.managementUrl(HubService.GATEWAY))).isEqualTo(200);
            assertThat(stack.managementUrl(HubService.GATEWAY)).isEqualTo("http://127.0.0.1:" + ports.managementOf(HubService.GATEWAY));
            assertThat(stack.gatewayUrl()).isEqualTo("http://127.0.0.1:" + ports.of(HubService.GATEWAY));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    stack.kafkaBootstrapServers()))) {
                assertThat(admin.describeCluster().clusterId().get()).isNotBlank();
            }

            awaitLogContains(stack.service("agency-service"),
                    "env SERVER_PORT=" + ports.of(HubService.AGENCY_SERVICE),
                    "env MANAGEMENT_SERVER_PORT=" + ports.managementOf(HubService.AGENCY_SERVICE),
                    "env MONGODB_URI=" + mongo + "/agency",
                    "env KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers(),
                    "env SPRING_PROFILES_ACTIVE=local",
                    "env ISECG_PARENT_PID=" + ProcessHandle.current().pid());
            awaitLogContains(stack.service("notification-service"),
                    "env MONGODB_URI=" + mongo + "/notification",
                    "env ISECG_TEST_MARKER=hello");
            awaitLogContains(stack.service("gateway"),
                    "env AGENCY_SERVICE_URL=http://127.0.0.1:" + ports.of(HubService.AGENCY_SERVICE),
                    "env ROADMAP_SERVICE_URL=http://127.0.0.1:" + ports.of(HubService.ROADMAP_SERVICE),
                    "env STANDARDS_SERVICE_URL=http://127.0.0.1:" + ports.of(HubService.STANDARDS_SERVICE),
                    "env NOTIFICATION_SERVICE_URL=http://127.0.0.1:" + ports.of(HubService.NOTIFICATION_SERVICE));
            assertThat(Files.readString(stack.service("gateway").logFile())).doesNotContain("MONGODB_URI")
                    .doesNotContain("IDENTITY_SERVICE_URL");
            String issuer = "http://127.0.0.1:" + ports.of(HubService.IDENTITY_SERVICE);
            assertThat(stack.issuerUri()).isEqualTo(issuer);
            awaitLogContains(stack.service("identity-service"),
                    "env SERVER_PORT=" + ports.of(HubService.IDENTITY_SERVICE),
                    "env ISSUER_URI=" + issuer,
                    "env IDENTITY_KEY_DIR=" + config.identityKeyDir(),
                    "env IDENTITY_CLIENTS_FILE=" + config.identityClientsFile());
            assertThat(Files.readString(stack.service("identity-service").logFile())).doesNotContain("MONGODB_URI");
            for (HubService service : HubService.values()) {
                awaitLogContains(stack.service(service), "env ISSUER_URI=" + issuer);
            }

            PortTable table = stack.portTable();
            assertThat(table.rows()).hasSize(HubService.values().length + 3);
            assertThat(table.row("roadmap-service").pid()).isEqualTo(stack.service("roadmap-service").pid());
            assertThat(table.row("mongodb").port()).isEqualTo(ports.mongo());
            assertThat(table.row("kafka").pid()).isEqualTo(ProcessHandle.current().pid());

            assertThatThrownBy(stack::start).hasMessageContaining("already called");
            assertThat(stack.service(HubService.GATEWAY).isAlive()).isTrue();

            long children = Stream.of(HubService.values())
                    .mapToLong(service -> stack.service(service).residentMemoryKb()).sum();
            assertThat(children).isPositive();
            assertThat(stack.residentMemoryKb()).isGreaterThan(children);
        }

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true)));
        assertThat(TestServices.liveChildren()).isZero();
    }

    @Test
    void aSeedThatFailsLeavesTheStackRunningAndSaysWhatFailed() throws Exception {
        // given: stand-ins that serve their health and nothing else, so there is no issuer to get a token from
        LocalStackConfig config = LocalStackConfig.defaults(dir.resolve("repo"))
                .withDataDir(dir.resolve("data"))
                .withBasePort(0)
                .withLauncher((service, repoRoot) -> TestServices.healthEndpoint());

        try (LocalStack stack = LocalStack.start(config)) {
            // then
            assertThat(stack.seedReport()).isPresent();
            assertThat(stack.seedReport().get().failed()).isTrue();
            assertThat(stack.seedReport().get().render()).contains("failed", "no token endpoint found for the issuer "
                    + stack.issuerUri());
            assertThat(healthStatus(stack.managementUrl(HubService.GATEWAY))).isEqualTo(200);
            assertThat(LocalStackMain.banner(stack)).contains("Seeded through the gateway: agencies: 1 entry", "1 failed");
        }
        assertThat(TestServices.liveChildren()).isZero();
    }

    private static void awaitLogContains(ServiceProcess service, String... lines) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(Files.readAllLines(service.logFile())).contains(lines));
    }

    private static int healthStatus(String baseUrl) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }
}
