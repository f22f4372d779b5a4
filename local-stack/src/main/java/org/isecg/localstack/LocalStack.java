package org.isecg.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

import org.isecg.seeding.SeedReport;
import org.isecg.seeding.Seeder;
import org.isecg.seeding.api.HttpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole hub on this machine: a Kafka broker and a MongoDB wire-protocol server inside this
 * JVM, and every service in its own child JVM, talking only over Kafka and HTTP.
 *
 * <p>The system tests use it in-process; {@link LocalStackMain} is the command for developers.
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStackConfig.defaults(repoRoot).withBasePort(0))) {
 *     String gateway = stack.gatewayUrl();
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} may be called from another thread (a shutdown hook) while {@link #start()}
 * still runs: whatever has started is stopped and {@code start()} fails.
 */
public final class LocalStack implements AutoCloseable {

    /** The variable that gives every service the token issuer's URL, the {@code iss} of its tokens. */
    public static final String ISSUER_URI_VARIABLE = "ISSUER_URI";
    /**
     * The client that seeds the register: the secretariat's scopes under a client of its own, so that a
     * person's change with the secretariat's client is never taken for the tool's (docs/seeding.md).
     */
    public static final String SEEDING_CLIENT = "seeding";
    /** The issuer takes the client's secret from this variable, else its development secret. */
    static final String SEEDING_SECRET_VARIABLE = "CLIENT_SECRET_SEEDING";
    static final String SEEDING_DEVELOPMENT_SECRET = "dev-seeding-secret";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final String IN_PROCESS = "(in the launcher JVM)";

    private final LocalStackConfig config;
    private final Object lock = new Object();
    private final Map<HubService, ServiceProcess> services = new EnumMap<>(HubService.class);
    // written under the lock while starting, read without it by the accessors
    private volatile StackPorts ports;
    private volatile KafkaBroker broker;
    private volatile MongoServerHost mongo;
    private volatile Duration startupTime;
    private volatile SeedReport seedReport;
    private boolean startCalled;
    private boolean closed;

    private LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    /** Starts a stack and returns once every service is healthy; on failure nothing is left running. */
    public static LocalStack start(LocalStackConfig config) {
        return create(config).start();
    }

    /**
     * A stack that has not started yet, so that its {@link #close()} can be registered (for example
     * in a shutdown hook) before {@link #start()} begins.
     */
    public static LocalStack create(LocalStackConfig config) {
        return new LocalStack(config);
    }

    /**
     * Starts the broker and the MongoDB server, then every service in parallel, and waits until
     * all are healthy.
     *
     * @throws MissingServiceJarsException before anything starts, if a jar is missing
     * @throws IllegalStateException       if a port is taken, a service dies or is not healthy in time
     */
    public LocalStack start() {
        List<HubService> missing = config.servicesWithoutJar();
        if (!missing.isEmpty()) {
            throw new MissingServiceJarsException(missing);
        }
        synchronized (lock) {
            // a second start() must fail without touching the running stack
            if (startCalled) {
                throw new IllegalStateException("start() was already called on this local stack");
            }
            startCalled = true;
        }
        long started = System.nanoTime();
        try {
            StackPorts chosen = StackPorts.forBasePort(config.basePort());
            FreePorts.requireFree(chosen.all());
            Files.createDirectories(config.logDir());
            synchronized (lock) {
                ensureOpen();
                ports = chosen;
            }
            KafkaBroker startedBroker = KafkaBroker.start(config.kafkaDir(), chosen.kafka(), chosen.kafkaController());
            keep(startedBroker, b -> broker = b);
            MongoServerHost startedMongo = MongoServerHost.startPersistent(config.mongoFile(), chosen.mongo());
            keep(startedMongo, m -> mongo = m);
            for (HubService service : HubService.values()) {
                startService(service, chosen, startedBroker, startedMongo);
            }
            awaitAllHealthy();
            startupTime = Duration.ofNanos(System.nanoTime() - started);
            log.info("Local stack ready in {} ms; gateway at {}", startupTime.toMillis(), gatewayUrl());
            if (config.seed()) {
                seed(chosen);
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not prepare " + config.dataDir(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code http://127.0.0.1:<gateway port>} */
    public String gatewayUrl() {
        return service(HubService.GATEWAY).baseUrl();
    }

    /** {@code http://127.0.0.1:<identity-service port>}: the issuer of the stack's tokens. */
    public String issuerUri() {
        return issuerUri(requireStarted(ports, "Stack"));
    }

    /** {@code http://127.0.0.1:<management port>} of a service: its actuator, which the gateway does not route. */
    public String managementUrl(HubService service) {
        return service(service).managementUrl();
    }

    /** The running service named {@code name}, e.g. {@code agency-service}. */
    public ServiceProcess service(String name) {
        return service(HubService.named(name));
    }

    public ServiceProcess service(HubService service) {
        synchronized (lock) {
            ServiceProcess process = services.get(service);
            if (process == null) {
                throw new IllegalStateException(service.serviceName() + " has not been started");
            }
            return process;
        }
    }

    public String kafkaBootstrapServers() {
        return requireStarted(broker, "Kafka broker").bootstrapServers();
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database. */
    public String mongoConnectionString() {
        return requireStarted(mongo, "MongoDB server").connectionString();
    }

    public StackPorts ports() {
        return requireStarted(ports, "Stack");
    }

    /** What seeding did at start; empty if the stack was started without it. */
    public Optional<SeedReport> seedReport() {
        return Optional.ofNullable(seedReport);
    }

    /**
     * Seeds the reference data through this stack's gateway, as the seeding tool does for any deployment: a
     * second run (a restart) changes nothing. Answers what it did; a stack that was not started with
     * seeding can be seeded so too.
     */
    public SeedReport seed() {
        return seed(requireStarted(ports, "Stack"));
    }

    private SeedReport seed(StackPorts chosen) {
        long started = System.nanoTime();
        String secret = config.extraEnvironment(HubService.IDENTITY_SERVICE).getOrDefault(SEEDING_SECRET_VARIABLE,
                Optional.ofNullable(System.getenv(SEEDING_SECRET_VARIABLE)).orElse(SEEDING_DEVELOPMENT_SECRET));
        SeedReport report = Seeder.forDeployment(URI.create("http://127.0.0.1:" + chosen.of(HubService.GATEWAY)),
                URI.create(issuerUri(chosen)), SEEDING_CLIENT, secret, HttpSettings.defaults())
                .seed(Seeder.datasets(Seeder.datasetNames()), false);
        seedReport = report;
        // a failed seed leaves a running stack: the report says what is missing, and a restart seeds again
        if (report.failed()) {
            log.warn("Seeding failed in part after {} ms; the stack runs on:{}{}",
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), System.lineSeparator(), report.render());
        } else {
            log.info("Seeded in {} ms:{}{}", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    System.lineSeparator(), report.render().stripTrailing());
        }
        return report;
    }

    /** From the call of {@link #start()} until every service was healthy. */
    public Duration startupTime() {
        return requireStarted(startupTime, "Stack");
    }

    public LocalStackConfig config() {
        return config;
    }

    /** VmRSS in KiB of this JVM (which runs Kafka and MongoDB) plus every service process. */
    public long residentMemoryKb() {
        long total = ResidentMemory.ofThisProcess();
        for (ServiceProcess process : snapshotOfServices()) {
            total += process.residentMemoryKb();
        }
        return total;
    }

    /** Every service with its port, pid and log file, then Kafka and MongoDB. */
    public PortTable portTable() {
        List<PortTable.Row> rows = new ArrayList<>();
        for (ServiceProcess process : snapshotOfServices()) {
            rows.add(new PortTable.Row(process.name(), process.port(), process.pid(), process.logFile().toString(),
                    process.managementPort() == process.port() ? 0 : process.managementPort()));
        }
        long self = ProcessHandle.current().pid();
        KafkaBroker kafka = requireStarted(broker, "Kafka broker");
        rows.add(new PortTable.Row("kafka", kafka.port(), self, IN_PROCESS));
        rows.add(new PortTable.Row("kafka-controller", kafka.controllerPort(), self, IN_PROCESS));
        rows.add(new PortTable.Row("mongodb", requireStarted(mongo, "MongoDB server").port(), self, IN_PROCESS));
        return new PortTable(rows);
    }

    /** True once {@link #close()} has begun. */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Stops the services (in parallel, SIGTERM first), then the broker, then MongoDB. Idempotent. */
    @Override
    public void close() {
        List<ServiceProcess> running;
        KafkaBroker stoppingBroker;
        MongoServerHost stoppingMongo;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(services.values());
            stoppingBroker = broker;
            stoppingMongo = mongo;
        }
        long started = System.nanoTime();
        forEachInParallel(running, ServiceProcess::stop);
        if (stoppingBroker != null) {
            stoppingBroker.close();
        }
        if (stoppingMongo != null) {
            stoppingMongo.close();
        }
        log.info("Local stack stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void startService(HubService service, StackPorts chosen, KafkaBroker kafka, MongoServerHost mongoHost) {
        ServiceSpec spec = new ServiceSpec(
                service.serviceName(),
                chosen.of(service),
                config.launcher().launch(service, config.repoRoot()),
                config.jvmOptions(),
                environment(service, chosen, kafka, mongoHost),
                config.logDir().resolve(service.serviceName() + ".log"),
                ServiceSpec.DEFAULT_STOP_GRACE_PERIOD,
                chosen.managementOf(service));
        ServiceProcess process = new ServiceProcess(spec);
        synchronized (lock) {
            // started under the lock so that a concurrent close() either sees it or prevents it
            ensureOpen();
            process.start();
            services.put(service, process);
        }
        log.info("Started {} as pid {} on port {}", service.serviceName(), process.pid(), spec.port());
    }

    private Map<String, String> environment(HubService service, StackPorts chosen, KafkaBroker kafka,
            MongoServerHost mongoHost) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(chosen.of(service)));
        if (chosen.managementOf(service) != chosen.of(service)) {
            // the actuator on a port the gateway does not route
            env.put("MANAGEMENT_SERVER_PORT", String.valueOf(chosen.managementOf(service)));
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SPRING_PROFILES_ACTIVE", "local");
        // a killed service's consumers are replaced within seconds of its restart, not the default 45
        env.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        service.database().ifPresent(database -> env.put("MONGODB_URI", mongoHost.connectionString(database)));
        // the issuer names itself by this URL in every token, and every service validates tokens against it
        env.put(ISSUER_URI_VARIABLE, issuerUri(chosen));
        // its keys, named rather than discovered, so that the first request needs one round trip fewer
        env.put("ISSUER_JWK_SET_URI", issuerUri(chosen) + "/oauth2/jwks");
        if (service == HubService.GATEWAY) {
            for (HubService backend : HubService.values()) {
                if (backend.behindGateway()) {
                    env.put(backend.urlVariable(), "http://127.0.0.1:" + chosen.of(backend));
                }
            }
        }
        if (service == HubService.IDENTITY_SERVICE) {
            env.put("IDENTITY_KEY_DIR", config.identityKeyDir().toString());
            env.put("IDENTITY_CLIENTS_FILE", config.identityClientsFile().toString());
        }
        env.putAll(config.extraEnvironment(service));
        return env;
    }

    private static String issuerUri(StackPorts chosen) {
        return "http://127.0.0.1:" + chosen.of(HubService.IDENTITY_SERVICE);
    }

    /**
     * Waits for every service at once; the first one that dies or times out ends the wait (the
     * others are interrupted) so that a broken service does not hold the whole start for minutes.
     */
    private void awaitAllHealthy() {
        List<ServiceProcess> starting = snapshotOfServices();
        ExecutorService executor = Executors.newFixedThreadPool(starting.size(), daemonThreads("await-healthy"));
        try {
            CompletionService<ServiceProcess> completion = new ExecutorCompletionService<>(executor);
            for (ServiceProcess process : starting) {
                completion.submit(() -> {
                    process.awaitHealthy(config.startupTimeout());
                    return process;
                });
            }
            for (int i = 0; i < starting.size(); i++) {
                ServiceProcess healthy = completion.take().get();
                log.info("{} is healthy", healthy.name());
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("A service did not become healthy", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the services to become healthy", e);
        } finally {
            executor.shutdownNow();
        }
    }

    private static <T> void forEachInParallel(List<T> items, Consumer<T> action) {
        if (items.isEmpty()) {
            return;
        }
        ExecutorService executor = Executors.newFixedThreadPool(items.size(), daemonThreads("stop-service"));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(executor.submit(() -> action.accept(item)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    log.warn("Stopping a service failed", e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            executor.shutdown();
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, "local-stack-" + name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private <T> void keep(T component, Consumer<T> field) {
        synchronized (lock) {
            if (closed) {
                closeQuietly(component);
                throw new IllegalStateException("Local stack was closed while starting");
            }
            field.accept(component);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Local stack was closed while starting");
        }
    }

    private List<ServiceProcess> snapshotOfServices() {
        synchronized (lock) {
            return new ArrayList<>(services.values());
        }
    }

    private static <T> T requireStarted(T value, String what) {
        if (value == null) {
            throw new IllegalStateException(what + " has not been started");
        }
        return value;
    }

    private static void closeQuietly(Object component) {
        if (component instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("Could not close {}", component, e);
            }
        }
    }
}
