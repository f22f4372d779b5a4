package org.isecg.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import org.isecg.localstack.KafkaBroker;
import org.isecg.localstack.MongoServerHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * One Kafka broker and one in-memory MongoDB wire-protocol server for the whole test JVM, started
 * on first use on random ports; the broker keeps its data under {@code java.io.tmpdir}.
 *
 * <p>They are stopped from Spring Boot's JVM shutdown hook, as a shutdown handler: those run only
 * after every application context has been closed, so the services' Kafka clients leave their
 * groups while the broker is still there instead of waiting out their close timeouts. Should that
 * hook be switched off ({@code spring.main.register-shutdown-hook=false}) they simply end with the
 * JVM, which is all an in-process server needs.
 */
public final class EmbeddedServers implements TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final Object LOCK = new Object();
    private static EmbeddedServers shared;

    private final KafkaBroker broker;
    private final MongoServerHost mongo;
    private final Path brokerDir;

    private EmbeddedServers(KafkaBroker broker, MongoServerHost mongo, Path brokerDir) {
        this.broker = broker;
        this.mongo = mongo;
        this.brokerDir = brokerDir;
    }

    /** The servers of this JVM, started by the first call. */
    public static EmbeddedServers shared() {
        synchronized (LOCK) {
            if (shared == null) {
                shared = start();
            }
            return shared;
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** {@code mongodb://127.0.0.1:<port>}, without a database. */
    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    @Override
    public String mongoConnectionString(String database) {
        return mongo.connectionString(database);
    }

    public KafkaBroker broker() {
        return broker;
    }

    private static EmbeddedServers start() {
        Path brokerDir;
        try {
            brokerDir = Files.createTempDirectory("isecg-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a directory for the test broker", e);
        }
        KafkaBroker broker = KafkaBroker.start(brokerDir, 0, 0);
        MongoServerHost mongo;
        try {
            mongo = MongoServerHost.startInMemory(0);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        EmbeddedServers servers = new EmbeddedServers(broker, mongo, brokerDir);
        SpringApplication.getShutdownHandlers().add(servers::stop);
        log.info("Test infrastructure: Kafka at {}, MongoDB at {}", broker.bootstrapServers(), mongo.connectionString());
        return servers;
    }

    private void stop() {
        broker.close();
        mongo.close();
        deleteRecursively(brokerDir);
    }

    private static void deleteRecursively(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.delete(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a leftover directory in target/ is harmless; mvn clean removes it
            log.debug("Could not delete {}", dir, e);
        }
    }
}
