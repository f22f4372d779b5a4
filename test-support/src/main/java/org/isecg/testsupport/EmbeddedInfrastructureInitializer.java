package org.isecg.testsupport;

/**
 * Points a Spring context at this JVM's {@link EmbeddedServers}, starting them on first use.
 * Usually applied through {@link EmbeddedInfrastructure @EmbeddedInfrastructure}.
 */
public final class EmbeddedInfrastructureInitializer extends InfrastructureInitializer {

    @Override
    protected TestInfrastructure infrastructure() {
        return EmbeddedServers.shared();
    }

    @Override
    protected String propertySourceName() {
        return "embeddedInfrastructure";
    }
}
