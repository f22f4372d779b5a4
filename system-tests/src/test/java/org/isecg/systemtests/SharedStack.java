package org.isecg.systemtests;

import java.nio.file.Path;
import java.util.Map;

import org.isecg.localstack.HubService;
import org.isecg.localstack.LocalStack;
import org.isecg.localstack.LocalStackConfig;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for every system test of the JVM, started on first use from the services' fat
 * jars on random free ports (a developer's own stack may be running), with its data under
 * target/, seeded with the register's data as the developer's stack is, and closed when the test run
 * ends. Tests receive it as a {@link LocalStack} parameter.
 */
final class SharedStack implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);
    /**
     * A second client that manages the register, beside the secretariat that seeds it: a person at the
     * register's desk, whose changes seeding must leave alone (SeededRegisterIT). Its id is lower-case because
     * Spring Boot lower-cases map keys that come from environment variables (docs/security.md).
     */
    static final String REGISTER_DESK = "desk";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(Running.class, key -> new Running(), Running.class).stack;
    }

    /** Closed by JUnit when the root context closes, that is after the last test class. */
    private static final class Running implements AutoCloseable {

        private final LocalStack stack;

        Running() {
            Path module = Path.of("").toAbsolutePath();
            Path repoRoot = module.getParent();
            LocalStackConfig config = LocalStackConfig.defaults(repoRoot)
                    .withDataDir(module.resolve("target/local-stack-" + ProcessHandle.current().pid()))
                    .withBasePort(0)
                    .withExtraEnvironment(HubService.IDENTITY_SERVICE, Map.of(
                            "ISECG_IDENTITY_CLIENTS_DESK_SCOPES", "hub.read,hub.secretariat",
                            "ISECG_IDENTITY_CLIENTS_DESK_SECRET", "dev-" + REGISTER_DESK + "-secret"));
            if (!config.servicesWithoutJar().isEmpty()) {
                throw new IllegalStateException("service jars missing for " + config.servicesWithoutJar()
                        + ": run the system tests through the reactor, e.g. ./mvnw verify");
            }
            stack = LocalStack.start(config);
        }

        @Override
        public void close() {
            stack.close();
        }
    }
}
