package org.isecg.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.isecg.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A deactivated agency can no longer write anywhere: once the secretariat deactivates it through the
 * gateway, the stack's issuer refuses its client a token ({@code 401 invalid_client}); the reactivation
 * restores it. VNSC, which no other system test uses, is active again at the end whatever happens.
 */
@ExtendWith(SharedStack.class)
class DeactivatedAgencyIT {

    private static final String AGENCY = "VNSC";
    /** The issuer reads the register's events as they come: within seconds, not at the next restart. */
    private static final Duration TAKES_EFFECT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HubClient hub;
    private String issuer;

    @BeforeEach
    void client(LocalStack stack) {
        hub = new HubClient(stack.gatewayUrl(), stack.issuerUri());
        issuer = stack.issuerUri();
    }

    @Test
    void theClientOfADeactivatedAgencyGetsNoTokenUntilTheAgencyIsReactivated() throws Exception {
        assertThat(tokenStatus(AGENCY).statusCode()).isEqualTo(200);
        HubClient.Response entry = hub.getAs(HubClient.SECRETARIAT, "/api/v1/agencies/" + AGENCY);
        try {
            HubClient.Response deactivated = hub.postAs(HubClient.SECRETARIAT,
                    "/api/v1/agencies/" + AGENCY + "/deactivation", entry.etag(), Map.of("reason", "system test"));
            assertThat(deactivated.status()).as("%s", deactivated).isEqualTo(200);

            await("the issuer refuses " + AGENCY).atMost(TAKES_EFFECT).pollInterval(Duration.ofMillis(250))
                    .until(() -> tokenStatus(AGENCY).statusCode() == 401);
            assertThat(tokenStatus(AGENCY).body()).contains("invalid_client");
            assertThat(tokenStatus("ESA").statusCode()).as("another agency").isEqualTo(200);
            assertThat(tokenStatus(HubClient.SECRETARIAT).statusCode()).as("the secretariat").isEqualTo(200);
        } finally {
            HubClient.Response current = hub.getAs(HubClient.SECRETARIAT, "/api/v1/agencies/" + AGENCY);
            if ("INACTIVE".equals(current.body().path("status").asString())) {
                HubClient.Response reactivated = hub.postAs(HubClient.SECRETARIAT,
                        "/api/v1/agencies/" + AGENCY + "/reactivation", current.etag(), Map.of("reason", "system test"));
                assertThat(reactivated.status()).as("%s", reactivated).isEqualTo(200);
            }
        }
        await("the issuer serves " + AGENCY + " again").atMost(TAKES_EFFECT).pollInterval(Duration.ofMillis(250))
                .until(() -> tokenStatus(AGENCY).statusCode() == 200);
    }

    private HttpResponse<String> tokenStatus(String client) throws Exception {
        String credentials = Base64.getEncoder()
                .encodeToString((client + ":dev-" + client + "-secret").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(15)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
