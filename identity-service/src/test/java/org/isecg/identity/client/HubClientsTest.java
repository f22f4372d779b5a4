package org.isecg.identity.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.identity.config.IdentityProperties;
import org.isecg.identity.config.IdentityProperties.Client;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class HubClientsTest {

    private static final PasswordEncoder ENCODER =
            new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));

    @Test
    void anAgencyClientMayUseOnlyClientCredentialsAndCarriesItsAgencyScopesAndLifetime() {
        // given
        IdentityProperties properties = properties(true, Map.of(
                "NASA", new Client("NASA", "dev-NASA-secret", Set.of("hub.read", "hub.write"))));

        // when
        RegisteredClient nasa = HubClients.from(properties, ENCODER).get(0);

        // then
        assertThat(nasa.getClientId()).isEqualTo("NASA");
        assertThat(nasa.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(nasa.getClientAuthenticationMethods()).containsExactlyInAnyOrder(
                ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);
        assertThat(nasa.getScopes()).containsExactlyInAnyOrder("hub.read", "hub.write");
        assertThat(HubClients.agencyOf(nasa)).contains("NASA");
        assertThat(nasa.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void secretsAreStoredAsBcryptHashesThatMatchOnlyTheSecret() {
        IdentityProperties properties = properties(true, Map.of(
                "ESA", new Client("ESA", "dev-ESA-secret", Set.of("hub.read"))));

        String stored = HubClients.from(properties, ENCODER).get(0).getClientSecret();

        assertThat(stored).startsWith("{bcrypt}$2a$").doesNotContain("dev-ESA-secret");
        assertThat(ENCODER.matches("dev-ESA-secret", stored)).isTrue();
        assertThat(ENCODER.matches("dev-NASA-secret", stored)).isFalse();
    }

    @Test
    void aSecretConfiguredAsAHashIsKeptAsItIs() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(12).encode("s3cr3t-from-the-vault");
        IdentityProperties properties = properties(false, Map.of(
                "ESA", new Client("ESA", hash, Set.of("hub.read"))));

        String stored = HubClients.from(properties, ENCODER).get(0).getClientSecret();

        assertThat(stored).isEqualTo(hash);
        assertThat(ENCODER.matches("s3cr3t-from-the-vault", stored)).isTrue();
    }

    @Test
    void aClientThatActsForNoAgencyHasNoAgency() {
        IdentityProperties properties = properties(true, Map.of(
                "operator", new Client(null, "dev-operator-secret", Set.of("hub.read", "hub.operator"))));

        RegisteredClient operator = HubClients.from(properties, ENCODER).get(0);

        assertThat(HubClients.agencyOf(operator)).isEmpty();
    }

    @Test
    void everyProblemOfTheConfigurationIsNamedAtOnce() {
        // given
        Map<String, Client> clients = new LinkedHashMap<>();
        clients.put("NASA", new Client("NASA", "dev-NASA-secret", Set.of("hub.read", "hub.wirte")));
        clients.put("secretariat", new Client(null, "dev-secretariat-secret", Set.of("hub.write")));
        clients.put("bad id!", new Client(null, "a-real-secret-0f9a8b", Set.of("hub.read")));

        // when / then
        assertThatThrownBy(() -> HubClients.from(properties(false, clients), ENCODER))
                .isInstanceOfSatisfying(InvalidClientsException.class, e -> assertThat(e.problems()).containsExactly(
                        "isecg.identity.clients.NASA.scopes: [hub.wirte] are not Hub scopes; known: [hub.import, "
                                + "hub.operator, hub.read, hub.secretariat, hub.standards, hub.write]",
                        "isecg.identity.clients.NASA.secret: still a development secret (dev-...-secret); set its "
                                + "own secret, e.g. with the variable named in application.yml",
                        "isecg.identity.clients.bad id!: the client id must match ^[A-Za-z][A-Za-z0-9-]{1,63}$",
                        "isecg.identity.clients.secretariat: scope hub.write writes an agency's own data, so the "
                                + "client needs an agency",
                        "isecg.identity.clients.secretariat.secret: still a development secret (dev-...-secret); set "
                                + "its own secret, e.g. with the variable named in application.yml"))
                .hasMessageContaining("The configured clients are not usable");
    }

    @Test
    void developmentSecretsAreFineWhereTheyAreAllowed() {
        IdentityProperties properties = properties(true, Map.of(
                "NASA", new Client("NASA", "dev-NASA-secret", Set.of("hub.read"))));

        assertThat(HubClients.from(properties, ENCODER)).hasSize(1);
        assertThat(HubClients.developmentSecret("standards-board")).isEqualTo("dev-standards-board-secret");
    }

    @Test
    void clientsComeInClientIdOrder() {
        Map<String, Client> clients = new LinkedHashMap<>();
        clients.put("operator", new Client(null, "dev-operator-secret", Set.of("hub.operator")));
        clients.put("ESA", new Client("ESA", "dev-ESA-secret", Set.of("hub.read")));
        clients.put("CSA", new Client("CSA", "dev-CSA-secret", Set.of("hub.read")));

        List<String> ids = HubClients.from(properties(true, clients), ENCODER).stream()
                .map(RegisteredClient::getClientId).toList();

        assertThat(ids).containsExactly("CSA", "ESA", "operator");
    }

    private static IdentityProperties properties(boolean developmentSecretsAllowed, Map<String, Client> clients) {
        return new IdentityProperties(URI.create("http://127.0.0.1:8085"), "isecg-hub", Duration.ofMinutes(3),
                new IdentityProperties.Keys(Path.of("keys"), true), developmentSecretsAllowed, clients);
    }
}
