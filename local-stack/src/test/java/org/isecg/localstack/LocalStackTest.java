package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path repo;

    @Test
    void refusesBeforeStartingAnythingWhenAServiceJarIsMissing() throws Exception {
        Path built = HubService.STANDARDS_SERVICE.jar(repo);
        Files.createDirectories(built.getParent());
        Files.writeString(built, "not really a jar, but present");
        LocalStackConfig config = LocalStackConfig.defaults(repo);

        assertThatThrownBy(() -> LocalStack.start(config))
                .isInstanceOfSatisfying(MissingServiceJarsException.class, e -> assertThat(e.services())
                        .containsExactly(HubService.GATEWAY, HubService.AGENCY_SERVICE, HubService.ROADMAP_SERVICE,
                                HubService.NOTIFICATION_SERVICE, HubService.IDENTITY_SERVICE))
                .hasMessageContaining("./mvnw package -DskipTests -am -pl "
                        + "gateway,agency-service,roadmap-service,notification-service,identity-service");
        assertThat(config.dataDir()).doesNotExist();
    }

    @Test
    void theConfigDefaultsToTheDeveloperStack() {
        LocalStackConfig config = LocalStackConfig.defaults(repo);

        assertThat(config.dataDir()).isEqualTo(repo.resolve(".local-stack"));
        assertThat(config.basePort()).isEqualTo(8080);
        assertThat(config.jvmOptions()).isEqualTo(JvmOptions.SMALL_FOOTPRINT);
        assertThat(config.launcher().launch(HubService.ROADMAP_SERVICE, repo))
                .isEqualTo(new ServiceLaunch.ExecutableJar(repo.resolve("roadmap-service/target/roadmap-service.jar")));
    }

    @Test
    void extraEnvironmentAddsUpPerService() {
        LocalStackConfig config = LocalStackConfig.defaults(repo)
                .withExtraEnvironment(HubService.GATEWAY, Map.of("A", "1"))
                .withExtraEnvironment(HubService.GATEWAY, Map.of("B", "2"));

        assertThat(config.extraEnvironment(HubService.GATEWAY)).containsOnlyKeys("A", "B");
        assertThat(config.extraEnvironment(HubService.AGENCY_SERVICE)).isEmpty();
    }

    @Test
    void theGatewayFindsEachServiceThroughAVariableNamedAfterIt() {
        assertThat(HubService.AGENCY_SERVICE.urlVariable()).isEqualTo("AGENCY_SERVICE_URL");
        assertThat(HubService.NOTIFICATION_SERVICE.urlVariable()).isEqualTo("NOTIFICATION_SERVICE_URL");
        assertThat(HubService.named("standards-service")).isEqualTo(HubService.STANDARDS_SERVICE);
        assertThat(HubService.GATEWAY.database()).isEmpty();
        assertThat(HubService.ROADMAP_SERVICE.database()).contains("roadmap");
        assertThatThrownBy(() -> HubService.named("billing-service")).hasMessageContaining("gateway");
    }

    @Test
    void theGatewayRoutesToTheFourServicesThatOwnDataButNotToTheTokenIssuer() {
        assertThat(Stream.of(HubService.values()).filter(HubService::behindGateway))
                .containsExactly(HubService.AGENCY_SERVICE, HubService.ROADMAP_SERVICE, HubService.STANDARDS_SERVICE,
                        HubService.NOTIFICATION_SERVICE);
        assertThat(HubService.IDENTITY_SERVICE.database()).isEmpty();
    }

    @Test
    void theTokenIssuerKeepsItsKeyAndLaterClientsInTheDataDirectory() {
        LocalStackConfig config = LocalStackConfig.defaults(repo);

        assertThat(config.identityKeyDir()).isEqualTo(repo.resolve(".local-stack/identity/keys"));
        assertThat(config.identityClientsFile()).isEqualTo(repo.resolve(".local-stack/identity/clients.yml"));
    }

    @Test
    void theBannerNamesTheTokenCommandWithTheIssuerWhereItIsNotTheDefault() {
        assertThat(LocalStackMain.hubTokenCommand("http://127.0.0.1:8085")).isEqualTo("./hub token NASA");
        assertThat(LocalStackMain.hubTokenCommand("http://127.0.0.1:18085"))
                .isEqualTo("HUB_ISSUER=http://127.0.0.1:18085 ./hub token NASA");
    }
}
