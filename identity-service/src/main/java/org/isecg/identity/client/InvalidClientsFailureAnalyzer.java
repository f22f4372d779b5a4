package org.isecg.identity.client;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Lists what is wrong with the configured clients instead of a stack trace of bean creation. */
public final class InvalidClientsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidClientsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidClientsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct isecg.identity.clients (application.yml, the clients file in IDENTITY_CLIENTS_FILE, or the "
                        + "CLIENT_SECRET_* variables) and start again; docs/security.md lists the scopes.",
                cause);
    }
}
