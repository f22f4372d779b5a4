package org.isecg.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on the loopback interface.
 *
 * <p>Kafka's controller quorum needs its port in the configuration before the broker binds it, so
 * "port 0" cannot be handed to the broker itself: a port is chosen here and bound moments later.
 * Another process could take it in between; on a developer machine that window is small enough.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** Returns {@code port} itself, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? pick(1).get(0) : port;
    }

    /** Picks {@code count} distinct free ports (all held open together, so none repeats). */
    public static List<Integer> pick(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find " + count + " free ports", e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    /**
     * Fails with a message naming every port in {@code ports} that something already listens on,
     * so that a second stack does not half-start next to a running one.
     */
    public static void requireFree(List<Integer> ports) {
        List<Integer> taken = ports.stream().filter(port -> !isFree(port)).toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Port(s) " + taken + " on 127.0.0.1 are already in use"
                    + " (is another local stack running?); choose other ports with --base-port");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released by the OS either way
        }
    }
}
