package org.isecg.identity.agency;

import org.isecg.identity.client.HubClients;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, less those of inactive agencies: the authorization server finds no such
 * client, so its token request is answered {@code 401 invalid_client} as for an unknown one, and the
 * client is back as soon as its agency is reactivated. Clients that act for no agency are never
 * hidden. Tokens issued before the deactivation stay valid until they expire.
 */
public final class ClientsOfActiveAgencies implements RegisteredClientRepository {

    private final RegisteredClientRepository clients;
    private final AgencyStatuses statuses;

    public ClientsOfActiveAgencies(RegisteredClientRepository clients, AgencyStatuses statuses) {
        this.clients = clients;
        this.statuses = statuses;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        clients.save(registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return unlessInactive(clients.findById(id));
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return unlessInactive(clients.findByClientId(clientId));
    }

    private RegisteredClient unlessInactive(RegisteredClient client) {
        if (client == null || HubClients.agencyOf(client).filter(statuses::isInactive).isPresent()) {
            return null;
        }
        return client;
    }
}
