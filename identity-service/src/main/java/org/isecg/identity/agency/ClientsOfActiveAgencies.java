package org.isecg.identity.agency;

import org.isecg.identity.client.HubClients;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients, less those of inactive agencies when a client authenticates: the
 * authorization server finds no such client by its client id, so its token request is answered
 * {@code 401 invalid_client} as for an unknown one, and the client is back as soon as its agency is
 * reactivated. Clients that act for no agency are never hidden. Lookups by registration id, which the
 * server makes for authorizations it issued earlier (introspection, revocation), still find the
 * client: tokens issued before the deactivation stay valid until they expire, and the server expects
 * the client of an authorization it holds to exist.
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
        return clients.findById(id);
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
