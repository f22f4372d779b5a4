package org.isecg.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SeedOptionsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("HUB_GATEWAY", "https://hub.example.org",
            "HUB_ISSUER", "https://id.example.org/realms/isecg", "HUB_CLIENT_ID", "secretariat",
            "HUB_CLIENT_SECRET", "from-the-environment");

    @Test
    void theEnvironmentGivesWhatTheCommandLineDoesNotAndTheCommandLineWins() {
        SeedOptions options = SeedOptions.parse(new String[] {"--gateway=https://other.example.org", "--dry-run"}, ENVIRONMENT);

        assertThat(options.gateway()).isEqualTo(URI.create("https://other.example.org"));
        assertThat(options.issuer()).isEqualTo(URI.create("https://id.example.org/realms/isecg"));
        assertThat(options.clientSecret()).isEqualTo("from-the-environment");
        assertThat(options.dryRun()).isTrue();
        assertThat(options.datasets()).isEqualTo(Seeder.datasetNames()).containsExactly("agencies", "standards");
        assertThat(options.replicaLag()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theReplicaLagIsGivenInSeconds() {
        assertThat(SeedOptions.parse(new String[] {"--replica-lag", "90"}, ENVIRONMENT).replicaLag()).isEqualTo(Duration.ofSeconds(90));
        assertThat(SeedOptions.parse(new String[] {"--replica-lag=0"}, ENVIRONMENT).replicaLag()).isZero();
    }

    @Test
    void plainHttpIsForLoopbackUnlessAllowed() {
        for (String loopback : List.of("http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080")) {
            assertThat(SeedOptions.parse(new String[] {"--gateway", loopback}, ENVIRONMENT).gateway()).hasToString(loopback);
        }
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--gateway", "http://gateway:8080"}, ENVIRONMENT))
                .hasMessageContaining("plain http would send the client's secret");
        assertThat(SeedOptions.parse(new String[] {"--gateway", "http://gateway:8080", "--allow-http"}, ENVIRONMENT).gateway())
                .hasToString("http://gateway:8080");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> SeedOptions.parse(new String[0], Map.of()))
                .hasMessage("missing --gateway (HUB_GATEWAY), --issuer (HUB_ISSUER), --client-id (HUB_CLIENT_ID), "
                        + "--client-secret (HUB_CLIENT_SECRET)");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--dataset"}, ENVIRONMENT)).hasMessage("--dataset needs a value");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--dataset", "agencies,plans"}, ENVIRONMENT))
                .hasMessage("no dataset 'plans'; known: agencies, standards");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--replica-lag", "30s"}, ENVIRONMENT))
                .hasMessage("--replica-lag '30s' is not a whole number of seconds");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--gatway", "x"}, ENVIRONMENT)).hasMessage("unknown option: --gatway");
        assertThatThrownBy(() -> SeedOptions.parse(new String[] {"--issuer", "id.example.org"}, ENVIRONMENT))
                .hasMessageContaining("must be an http(s) URL with a host");
    }
}
