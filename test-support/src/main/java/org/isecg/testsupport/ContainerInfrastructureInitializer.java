package org.isecg.testsupport;

/**
 * Points a Spring context at this JVM's {@link ContainerInfrastructure}, starting the containers
 * on first use. Usually applied through {@link ContainerInfrastructureTest @ContainerInfrastructureTest}.
 */
public final class ContainerInfrastructureInitializer extends InfrastructureInitializer {

    @Override
    protected TestInfrastructure infrastructure() {
        return ContainerInfrastructure.shared();
    }

    @Override
    protected String propertySourceName() {
        return "containerInfrastructure";
    }
}
