package org.isecg.localstack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one command that runs the whole hub on a developer's machine:
 * {@code java -jar local-stack/target/local-stack-exec.jar [--reset] [--data-dir DIR] [--base-port N] [--no-seed]}.
 *
 * <p>Ctrl-C (SIGINT) or SIGTERM runs a shutdown hook that stops every service, then the broker,
 * then MongoDB. Should the launcher itself be killed with SIGKILL, the services notice that the
 * process in {@value ServiceProcess#PARENT_PID_VARIABLE} is gone and exit on their own.
 */
public final class LocalStackMain {

    /** Refused before starting: bad arguments, no repository, or service jars not built. */
    static final int EXIT_REFUSED = 2;
    static final int EXIT_FAILED = 1;

    private static final String LOG_DIR_PROPERTY = "LOCAL_STACK_LOG_DIR";
    /**
     * Deliberately not {@code logback.xml}: the plain jar is a test dependency of the system tests
     * and must not replace their logging; only this main selects it.
     */
    private static final String LOGBACK_CONFIG = "org/isecg/localstack/launcher-logback.xml";
    private static final Set<String> DATA_DIR_ENTRIES = Set.of("kafka", "mongo", "logs", "identity");

    private LocalStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(EXIT_REFUSED);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        Optional<Path> repoRoot = options.repoDir().or(() -> RepoRoot.findFrom(Path.of("")));
        if (repoRoot.isEmpty()) {
            refuse("No repository found: run this inside the isecg-hub checkout or pass --repo-dir DIR");
            return;
        }
        LocalStackConfig config = LocalStackConfig.defaults(repoRoot.get()).withBasePort(options.basePort())
                .withSeeding(options.seed());
        if (options.dataDir().isPresent()) {
            config = config.withDataDir(options.dataDir().get());
        }
        List<HubService> missing = config.servicesWithoutJar();
        if (!missing.isEmpty()) {
            refuse(new MissingServiceJarsException(missing).getMessage());
            return;
        }
        if (options.reset()) {
            reset(config.dataDir());
        }
        run(config);
    }

    private static void run(LocalStackConfig config) throws InterruptedException {
        // before the first logger exists: logback reads both when it initialises
        System.setProperty(LOG_DIR_PROPERTY, config.logDir().toString());
        System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        Logger log = LoggerFactory.getLogger(LocalStackMain.class);

        LocalStack stack = LocalStack.create(config);
        AtomicBoolean interrupted = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!stack.isClosed()) {
                interrupted.set(true);
                log.info("Stopping the local stack...");
                stack.close();
            }
        }, "local-stack-shutdown"));

        log.info("Starting the local stack from {} (data in {})", config.repoRoot(), config.dataDir());
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (!interrupted.get()) {
                log.error("The local stack did not start: {}", e.getMessage());
            }
            System.exit(EXIT_FAILED);
            return;
        }
        watchForUnexpectedExits(stack, log);
        System.out.print(banner(stack));
        // the shutdown hook ends the JVM; this thread only has to stay out of its way
        new CountDownLatch(1).await();
    }

    private static void watchForUnexpectedExits(LocalStack stack, Logger log) {
        for (HubService service : HubService.values()) {
            ServiceProcess process = stack.service(service);
            process.onExit().thenAccept(code -> {
                if (!stack.isClosed()) {
                    log.warn("{} (pid {}) exited with code {}; see {}", process.name(), process.pid(), code,
                            process.logFile());
                }
            });
        }
    }

    static String banner(LocalStack stack) {
        String nl = System.lineSeparator();
        return nl
                + "ISECG Coordination Hub is up: " + stack.gatewayUrl() + nl
                + nl
                + stack.portTable().render()
                + nl
                + String.format(Locale.ROOT, "Start to ready: %.1f s; resident memory of the whole stack: %d MiB%n",
                        stack.startupTime().toMillis() / 1000.0, stack.residentMemoryKb() / 1024)
                + stack.seedReport().map(report -> "Seeded through the gateway: " + report.summary()
                        + (report.failed() ? " (see " + stack.config().logDir().resolve("local-stack.log") + ")" : "") + nl)
                        .orElse("Not seeded (--no-seed)" + nl)
                + "Access tokens: " + hubTokenCommand(stack.issuerUri()) + " (issuer " + stack.issuerUri()
                + "; docs/security.md)" + nl
                + "Data: " + stack.config().dataDir() + "; Kafka and MongoDB log to "
                + stack.config().logDir().resolve("kafka.log") + " and mongo.log" + nl
                + "Ctrl-C stops everything." + nl;
    }

    /** The one command that gets a token from this stack's issuer: {@code ./hub} knows the default one. */
    static String hubTokenCommand(String issuerUri) {
        String defaultIssuer = "http://127.0.0.1:" + (StackPorts.DEFAULT_BASE_PORT
                + HubService.IDENTITY_SERVICE.portOffset());
        return (issuerUri.equals(defaultIssuer) ? "" : "HUB_ISSUER=" + issuerUri + " ") + "./hub token NASA";
    }

    private static void refuse(String message) {
        System.err.println(message);
        System.exit(EXIT_REFUSED);
    }

    /** Deletes the data directory, but only if it holds nothing but what the stack writes there. */
    private static void reset(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (var entries = Files.list(dataDir)) {
            List<String> foreign = entries.map(path -> path.getFileName().toString())
                    .filter(name -> !DATA_DIR_ENTRIES.contains(name))
                    .toList();
            if (!foreign.isEmpty()) {
                refuse("Not resetting " + dataDir + ": it holds " + foreign
                        + ", which the local stack did not write there");
                return;
            }
            Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            System.out.println("Deleted " + dataDir);
        } catch (IOException e) {
            refuse("Could not reset " + dataDir + ": " + e);
        }
    }
}
