package org.isecg.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one node), run
 * inside this JVM from Kafka's own classes.
 *
 * <p>The storage is formatted on first use only, so the cluster id, topics, records and committed
 * offsets survive a restart on the same data directory. The controller quorum is static
 * ({@code controller.quorum.voters}), which unlike a dynamic quorum does not record the controller's
 * address in the metadata log: the ports may change from one start to the next.
 *
 * <p>Topics are never created implicitly ({@code auto.create.topics.enable=false}): services create
 * theirs through the binder's admin client, and a misspelt topic name fails instead of silently
 * starting a new, empty topic.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final int port;
    private final int controllerPort;
    private final String clusterId;
    private final Duration startupTime;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, int port, int controllerPort, String clusterId,
            Duration startupTime) {
        this.server = server;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
    }

    /**
     * Formats {@code dataDir} if it holds no broker yet, then starts the broker and returns once it
     * accepts clients.
     *
     * @param dataDir        the broker's own directory (configuration and log directory below it)
     * @param port           the client (PLAINTEXT) port, or 0 for a free one
     * @param controllerPort the KRaft controller port, or 0 for a free one
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        long started = System.nanoTime();
        int clientPort = port;
        int quorumPort = controllerPort;
        if (clientPort == 0 || quorumPort == 0) {
            var free = FreePorts.pick(2);
            clientPort = clientPort == 0 ? free.get(0) : clientPort;
            quorumPort = quorumPort == 0 ? free.get(1) : quorumPort;
        }
        Path logDir = dataDir.toAbsolutePath().resolve("log");
        Properties properties = brokerProperties(logDir, clientPort, quorumPort);
        String clusterId = formatIfNeeded(dataDir.toAbsolutePath(), logDir, properties);

        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(properties, false), Time.SYSTEM);
        try {
            // returns once the broker has caught up with the metadata log and is unfenced
            server.startup();
        } catch (RuntimeException e) {
            shutDown(server);
            throw new IllegalStateException("Kafka broker did not start on " + HOST + ":" + clientPort, e);
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Kafka broker up on {}:{} (controller {}, cluster {}) in {} ms",
                HOST, clientPort, quorumPort, clusterId, startupTime.toMillis());
        return new KafkaBroker(server, clientPort, quorumPort, clusterId, startupTime);
    }

    /** The value for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** The cluster id written when the storage was formatted; stable across restarts. */
    public String clusterId() {
        return clusterId;
    }

    /** Time from {@link #start} being called (formatting included) to the broker accepting clients. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the broker cleanly (a controlled shutdown takes about two seconds). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        shutDown(server);
        log.info("Kafka broker on {}:{} stopped in {} ms", HOST, port,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    static Properties brokerProperties(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("log.dirs", logDir.toString());

        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");

        // one node: every internal topic has a single replica
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // 50 partitions each (the default) make the first consumer group and the first
        // transaction wait for 50 log creations on a 2-core machine; 5 are plenty for one node
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        // the log cleaner (needed by the compacted offsets topic) otherwise holds 128 MB of heap
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    private static String formatIfNeeded(Path dataDir, Path logDir, Properties properties) {
        Path metaProperties = logDir.resolve("meta.properties");
        try {
            if (Files.exists(metaProperties)) {
                return readClusterId(metaProperties);
            }
            Files.createDirectories(logDir);
            Path configFile = dataDir.resolve("server.properties");
            try (OutputStream out = Files.newOutputStream(configFile)) {
                properties.store(out, "Written by local-stack for kafka-storage format; ports change per start");
            }
            String clusterId = Uuid.randomUuid().toString();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exitCode;
            try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(
                        new String[] {"format", "--cluster-id", clusterId, "--config", configFile.toString()},
                        printStream);
            }
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting Kafka storage in " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
            log.info("Formatted Kafka storage in {} for cluster {}", logDir, clusterId);
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Kafka storage in " + logDir, e);
        }
    }

    private static String readClusterId(Path metaProperties) throws IOException {
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            meta.load(in);
        }
        String clusterId = meta.getProperty("cluster.id");
        if (clusterId == null) {
            throw new IllegalStateException(metaProperties + " has no cluster.id; delete the data directory");
        }
        return clusterId;
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }
}
