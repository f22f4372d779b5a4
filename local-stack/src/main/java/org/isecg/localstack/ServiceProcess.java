package org.isecg.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service running as its own child JVM, with stdout and stderr appended to its own log file.
 *
 * <p>Every child gets {@value #PARENT_PID_VARIABLE} set to this JVM's pid and runs with the
 * {@link ParentWatchAgent}, which ends it when this JVM is gone, so that not even a {@code kill -9}
 * of the launcher leaves a service behind.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The environment variable that carries the launcher's pid to every child. */
    public static final String PARENT_PID_VARIABLE = ParentWatchAgent.PARENT_PID_VARIABLE;

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);
    private static final int LOG_LINES_IN_ERRORS = 40;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    private final ServiceSpec spec;
    private Process process;

    public ServiceProcess(ServiceSpec spec) {
        this.spec = spec;
    }

    /** Starts the child JVM; returns at once (see {@link #awaitHealthy(Duration)}). */
    public synchronized ServiceProcess start() {
        return start(Map.of());
    }

    private ServiceProcess start(Map<String, String> extraEnvironment) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(spec.name() + " is already running as pid " + process.pid());
        }
        List<String> command = command();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(spec.logFile().toFile()));
        builder.environment().putAll(spec.environment());
        builder.environment().putAll(extraEnvironment);
        builder.environment().put(PARENT_PID_VARIABLE, String.valueOf(ProcessHandle.current().pid()));
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            Files.writeString(spec.logFile(),
                    "---- " + Instant.now() + " local-stack starts " + spec.name()
                            + (extraEnvironment.isEmpty() ? "" : " with " + new TreeMap<>(extraEnvironment)) + ": "
                            + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
            // nothing is ever typed into a service; end-of-file keeps any reader from blocking
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name() + " with " + command, e);
        }
        log.debug("Started {} as pid {} on port {}", spec.name(), process.pid(), spec.port());
        return this;
    }

    /**
     * Polls {@code http://127.0.0.1:<management port>/actuator/health} until it answers 200 with status UP.
     *
     * @throws IllegalStateException at once if the process exits first, or when {@code timeout}
     *                               passes; either way with the last lines of its log
     */
    public void awaitHealthy(Duration timeout) {
        Process current = current();
        URI healthUri = URI.create(managementUrl() + "/actuator/health");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!current.isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + current.exitValue()
                        + " before it became healthy" + logTailForErrors());
            }
            // a healthy answer only counts while our own child lives: it might come from another
            // process that holds the port
            if (answersUp(healthUri) && current.isAlive()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(spec.name() + " (pid " + current.pid() + ") was not healthy at "
                        + healthUri + " within " + timeout.toSeconds() + " s" + logTailForErrors());
            }
            waitForExit(current, POLL_INTERVAL);
        }
    }

    /** SIGKILL, then waits for the process to be gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitForExit(process, KILL_WAIT);
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. Idempotent. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitForExit(process, spec.stopGracePeriod())) {
            log.warn("{} (pid {}) ignored SIGTERM for {} s; killing it", spec.name(), process.pid(),
                    spec.stopGracePeriod().toSeconds());
            kill();
        }
    }

    /** Stops the process (gracefully) and starts it again with the same spec. */
    public synchronized ServiceProcess restart() {
        stop();
        return start();
    }

    /**
     * Stops the process (gracefully) and starts it again with {@code environment} added to the spec's
     * own, for this run only: a later {@link #restart()} runs with the spec's environment again.
     * For crash tests, e.g. {@code ISECG_FAULTS_HALT_AT}.
     */
    public synchronized ServiceProcess restartWith(Map<String, String> environment) {
        stop();
        return start(Map.copyOf(environment));
    }

    @Override
    public void close() {
        stop();
    }

    public String name() {
        return spec.name();
    }

    public int port() {
        return spec.port();
    }

    public Path logFile() {
        return spec.logFile();
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The port of its actuator: the management port, or its one port. */
    public int managementPort() {
        return spec.managementPort();
    }

    /** {@code http://127.0.0.1:<management port>}: health, metrics and the operators' endpoints. */
    public String managementUrl() {
        return "http://127.0.0.1:" + spec.managementPort();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + spec.port();
    }

    /** The pid of the current (or last) child process. */
    public synchronized long pid() {
        return current().pid();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code of the last child, or empty while it runs or before it was ever started. */
    public synchronized OptionalInt exitCode() {
        return process == null || process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Completes with the exit code when the current child exits. */
    public synchronized CompletableFuture<Integer> onExit() {
        return current().onExit().thenApply(Process::exitValue);
    }

    /** VmRSS of the child in KiB; 0 when it is not running. */
    public synchronized long residentMemoryKb() {
        return isAlive() ? ResidentMemory.ofPid(process.pid()) : 0L;
    }

    /** The last {@code count} lines of the log file (all of them if it is shorter). */
    public List<String> lastLogLines(int count) {
        return LogTail.lastLines(spec.logFile(), count);
    }

    private synchronized Process current() {
        if (process == null) {
            throw new IllegalStateException(spec.name() + " was never started");
        }
        return process;
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(spec.jvmOptions());
        command.add("-javaagent:" + ParentWatchAgentJar.path());
        command.addAll(spec.launch().arguments());
        return command;
    }

    private String logTailForErrors() {
        return "; last lines of " + spec.logFile() + ":" + System.lineSeparator()
                + String.join(System.lineSeparator(), lastLogLines(LOG_LINES_IN_ERRORS));
    }

    private static boolean answersUp(URI healthUri) {
        HttpRequest request = HttpRequest.newBuilder(healthUri).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking " + healthUri, e);
        }
    }

    /** Waits up to {@code timeout} for the process to exit; true if it has. */
    private static boolean waitForExit(Process process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not wait for pid " + process.pid(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for pid " + process.pid(), e);
        }
    }

    /** Reads the end of a log file without loading a large file whole. */
    static final class LogTail {

        private static final int MAX_BYTES = 64 * 1024;

        private LogTail() {
        }

        static List<String> lastLines(Path file, int count) {
            if (!Files.exists(file)) {
                return List.of();
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                int size = (int) Math.min(length, MAX_BYTES);
                byte[] bytes = new byte[size];
                raf.seek(length - size);
                raf.readFully(bytes);
                List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
                return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
            } catch (IOException e) {
                return List.of("(could not read " + file + ": " + e.getMessage() + ")");
            }
        }
    }
}
