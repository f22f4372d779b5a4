package org.isecg.identity.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.isecg.identity.config.IdentityProperties;
import org.isecg.web.security.HubScopes;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * Turns the configured clients into registered clients of the authorization server, refusing, all
 * problems at once, a configuration that would issue tokens the services cannot use.
 */
public final class HubClients {

    /** The client setting that holds a client's agency code, read back when its token is built. */
    public static final String AGENCY_SETTING = "org.isecg.identity.agency";

    /** Client ids are URL- and shell-safe: agency codes ({@code NASA}) and words ({@code standards-board}). */
    private static final Pattern CLIENT_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{1,63}$");
    /** The documented development secrets, {@code dev-<client>-secret}, and anything shaped like them. */
    private static final Pattern DEVELOPMENT_SECRET = Pattern.compile("^dev-.*-secret$");
    /** A secret that names its encoding, as {@code DelegatingPasswordEncoder} stores it. */
    private static final Pattern ENCODED_SECRET = Pattern.compile("^\\{[A-Za-z0-9_-]+}.+");

    private HubClients() {
    }

    /**
     * The registered clients, secrets hashed with {@code encoder}, in client-id order.
     *
     * @throws InvalidClientsException naming every client whose configuration is unusable
     */
    public static List<RegisteredClient> from(IdentityProperties properties, PasswordEncoder encoder) {
        Map<String, IdentityProperties.Client> clients = new TreeMap<>(properties.clients());
        List<String> problems = new ArrayList<>();
        clients.forEach((clientId, client) -> problems.addAll(problems(clientId, client,
                properties.developmentSecretsAllowed())));
        if (!problems.isEmpty()) {
            throw new InvalidClientsException(problems);
        }
        List<RegisteredClient> registered = new ArrayList<>();
        clients.forEach((clientId, client) -> registered.add(registered(clientId, client, properties.tokenLifetime(),
                encoder)));
        return registered;
    }

    /** The development secret a client has on the embedded default, e.g. {@code dev-NASA-secret}. */
    public static String developmentSecret(String clientId) {
        return "dev-" + clientId + "-secret";
    }

    /** The agency a registered client acts for, if any. */
    public static Optional<String> agencyOf(RegisteredClient client) {
        return Optional.ofNullable(client.getClientSettings().getSetting(AGENCY_SETTING));
    }

    private static List<String> problems(String clientId, IdentityProperties.Client client,
            boolean developmentSecretsAllowed) {
        List<String> problems = new ArrayList<>();
        String where = "isecg.identity.clients." + clientId;
        if (!CLIENT_ID.matcher(clientId).matches()) {
            problems.add(where + ": the client id must match " + CLIENT_ID.pattern());
        }
        TreeSet<String> unknown = new TreeSet<>(client.scopes());
        unknown.removeAll(HubScopes.ALL);
        if (!unknown.isEmpty()) {
            problems.add(where + ".scopes: " + unknown + " are not Hub scopes; known: " + new TreeSet<>(HubScopes.ALL));
        }
        if (client.scopes().contains(HubScopes.WRITE) && client.agency() == null) {
            problems.add(where + ": scope " + HubScopes.WRITE + " writes an agency's own data, so the client needs "
                    + "an agency");
        }
        if (!developmentSecretsAllowed && isDevelopmentSecret(client.secret())) {
            problems.add(where + ".secret: still a development secret (dev-...-secret); set its own secret, e.g. "
                    + "with the variable named in application.yml");
        }
        return problems;
    }

    private static boolean isDevelopmentSecret(String secret) {
        return DEVELOPMENT_SECRET.matcher(secret).matches();
    }

    private static RegisteredClient registered(String clientId, IdentityProperties.Client client, Duration lifetime,
            PasswordEncoder encoder) {
        ClientSettings.Builder settings = ClientSettings.builder();
        if (client.agency() != null) {
            settings.setting(AGENCY_SETTING, client.agency());
        }
        String secret = ENCODED_SECRET.matcher(client.secret()).matches() ? client.secret()
                : encoder.encode(client.secret());
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(new TreeSet<>(client.scopes())))
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(lifetime)
                        .build())
                .build();
    }
}
