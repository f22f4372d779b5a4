package org.isecg.identity.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.identity.IdentityServiceApplication;
import org.isecg.identity.RunningIssuer;
import org.isecg.identity.TokenRequests;
import org.isecg.identity.TokenRequests.Answer;
import org.isecg.testsupport.EmbeddedServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The register's deactivations over the embedded broker and the token endpoint over real HTTP: the
 * clients of an inactive agency get {@code 401 invalid_client}, everyone else is served as before.
 * Each test ends with its agencies active again, since the topic outlives it.
 */
class InactiveAgencyIT extends RunningIssuer {

    /** Well within what a deactivation may take to reach the issuer: "within seconds". */
    private static final Duration TAKES_EFFECT = Duration.ofSeconds(10);

    private static AgencyRegisterEvents register;

    private final TokenRequests tokens = new TokenRequests(ISSUER);

    @BeforeAll
    static void theRegistersTopic() throws Exception {
        register = new AgencyRegisterEvents(EmbeddedServers.shared().kafkaBootstrapServers()).withTopic();
    }

    @AfterAll
    static void closeProducer() {
        register.close();
    }

    @Test
    void aDeactivatedAgencysClientIsRefusedUntilItsAgencyIsReactivated() throws Exception {
        assertThat(token("GISTDA").status()).isEqualTo(200);
        try {
            // when the secretariat deactivates GISTDA while the issuer runs
            register.deactivated("GISTDA");

            // then its client is refused as an unknown client would be, within seconds
            await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("GISTDA").status()).isEqualTo(401));
            Answer refused = token("GISTDA");
            assertThat(refused.error()).isEqualTo("invalid_client");
            assertThat(refused.body()).doesNotContain("access_token");
        } finally {
            register.reactivated("GISTDA");
        }

        // and the reactivation restores it
        await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("GISTDA").status()).isEqualTo(200));
        assertThat(token("GISTDA").accessToken()).isNotBlank();
    }

    @Test
    void aTokenIssuedBeforeTheDeactivationStaysValidUntilItExpires() throws Exception {
        String before = token("LSA").accessToken();
        try {
            register.deactivated("LSA");
            await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("LSA").status()).isEqualTo(401));

            // the window: the earlier token is still the issuer's, introspected as active, not an error
            Answer introspected = tokens.post("/oauth2/introspect",
                    TokenRequests.basic("secretariat", "dev-secretariat-secret"), Map.of("token", before));
            assertThat(introspected.status()).isEqualTo(200);
            assertThat(introspected.json().path("active").asBoolean()).isTrue();
            assertThat(introspected.json().path("client_id").asString()).isEqualTo("LSA");
        } finally {
            register.reactivated("LSA");
        }
        await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("LSA").status()).isEqualTo(200));
    }

    @Test
    void otherAgenciesAndTheClientsOfNoAgencyAreServedWhileAnAgencyIsInactive() throws Exception {
        try {
            register.deactivated("AEM");
            await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("AEM").status()).isEqualTo(401));

            assertThat(token("PTS").status()).isEqualTo(200);
            assertThat(token("NZSA").status()).isEqualTo(200);
            for (String client : new String[] {"secretariat", "seeding", "standards-board", "operator"}) {
                assertThat(token(client).status()).as(client).isEqualTo(200);
            }
        } finally {
            register.reactivated("AEM");
        }
        await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("AEM").status()).isEqualTo(200));
    }

    @Test
    void anUpdateOfAnInactiveAgencyKeepsItsClientRefusedAndAnUpdateToActiveRestoresIt() throws Exception {
        try {
            register.deactivated("NZSA");
            await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("NZSA").status()).isEqualTo(401));

            // the entry carries its status: an update of other fields changes nothing for the client
            register.updated("NZSA", AgencyStatus.INACTIVE);
            register.updated("PTS", AgencyStatus.ACTIVE);
            await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("PTS").status()).isEqualTo(200));
            assertThat(token("NZSA").status()).isEqualTo(401);
        } finally {
            register.updated("NZSA", AgencyStatus.ACTIVE);
        }
        await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("NZSA").status()).isEqualTo(200));
    }

    @Test
    void anIssuerStartedAfterADeactivationRefusesTheClientFromItsFirstRequest() throws Exception {
        register.deactivated("POLSA");
        // the register's latest word on ROSA is that it is active again
        register.deactivated("ROSA");
        register.reactivated("ROSA");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .run("--server.port=0", "--spring.profiles.active=test",
                        "--isecg.identity.keys.directory=" + Files.createTempDirectory("identity-keys"),
                        "--isecg.identity.agency-register.bootstrap-servers="
                                + EmbeddedServers.shared().kafkaBootstrapServers())) {
            TokenRequests secondIssuer = new TokenRequests(
                    "http://127.0.0.1:" + second.getEnvironment().getProperty("local.server.port"));

            // no waiting: the start has read the topic to its end before it served
            assertThat(second.getBean(AgencyRegisterReader.class).hasCaughtUp()).isTrue();
            Answer polsa = secondIssuer.clientCredentials("POLSA", "dev-POLSA-secret", null);
            assertThat(polsa.status()).isEqualTo(401);
            assertThat(polsa.error()).isEqualTo("invalid_client");
            assertThat(secondIssuer.clientCredentials("ROSA", "dev-ROSA-secret", null).status()).isEqualTo(200);
        } finally {
            register.reactivated("POLSA");
        }
        await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("POLSA").status()).isEqualTo(200));
    }

    @Test
    void anIssuerThatCannotReachKafkaStartsAfterTheCatchUpAndServesEveryAgency() throws Exception {
        // given POLSA deactivated on the topic, which this issuer cannot read: nothing listens on its broker port
        register.deactivated("POLSA");
        long started = System.nanoTime();
        try (ConfigurableApplicationContext unreachable = new SpringApplicationBuilder(IdentityServiceApplication.class)
                .run("--server.port=0", "--spring.profiles.active=test",
                        "--isecg.identity.keys.directory=" + Files.createTempDirectory("identity-keys"),
                        "--isecg.identity.agency-register.bootstrap-servers=127.0.0.1:" + closedPort(),
                        "--isecg.identity.agency-register.catch-up=2s")) {
            TokenRequests isolated = new TokenRequests(
                    "http://127.0.0.1:" + unreachable.getEnvironment().getProperty("local.server.port"));

            // then it started, not held up for longer than the catch-up, and fails open
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(unreachable.getBean(AgencyRegisterReader.class).hasCaughtUp()).isFalse();
            assertThat(isolated.clientCredentials("POLSA", "dev-POLSA-secret", null).status()).isEqualTo(200);
            assertThat(isolated.clientCredentials("secretariat", "dev-secretariat-secret", null).status())
                    .isEqualTo(200);
        } finally {
            register.reactivated("POLSA");
        }
        await().atMost(TAKES_EFFECT).untilAsserted(() -> assertThat(token("POLSA").status()).isEqualTo(200));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Answer token(String client) {
        return tokens.clientCredentials(client, "dev-" + client + "-secret", null);
    }
}
