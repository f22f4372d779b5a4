package org.isecg.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1 that hosts every service's own
 * database.
 *
 * <p>It is not MongoDB: there are no transactions, non-unique indexes (TTL included) are accepted
 * and ignored, and the H2 backend commits to disk about once a second, so a {@code kill -9} of this
 * JVM can lose the last second of acknowledged writes. A clean {@link #close()} commits everything.
 */
public final class MongoServerHost implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MongoServerHost.class);
    private static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final int port;
    private final String storage;
    private boolean closed;

    private MongoServerHost(MongoServer server, int port, String storage) {
        this.server = server;
        this.port = port;
        this.storage = storage;
    }

    /**
     * Starts a server whose data lives in the H2 file {@code databaseFile} and so survives a restart.
     *
     * @param port the port, or 0 for a free one
     */
    public static MongoServerHost startPersistent(Path databaseFile, int port) {
        Path file = databaseFile.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + file.getParent(), e);
        }
        return start(new H2Backend(file.toString()), port, file.toString());
    }

    /** Starts a server that keeps everything in memory (for tests). */
    public static MongoServerHost startInMemory(int port) {
        return start(new MemoryBackend(), port, "memory");
    }

    private static MongoServerHost start(MongoBackend backend, int port, String storage) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw new IllegalStateException("MongoDB wire-protocol server could not bind " + HOST + ":" + port, e);
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("MongoDB wire-protocol server up on {}:{} ({})", HOST, address.getPort(), storage);
        return new MongoServerHost(server, address.getPort(), storage);
    }

    /** The connection string without a database, e.g. {@code mongodb://127.0.0.1:27017}. */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    /** The connection string for one database, e.g. {@code mongodb://127.0.0.1:27017/agency}. */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    public int port() {
        return port;
    }

    /** Stops listening, closes the client connections and commits the backend. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdownNow();
        log.info("MongoDB wire-protocol server on {}:{} stopped ({})", HOST, port, storage);
    }
}
