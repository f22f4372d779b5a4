package org.isecg.localstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line of {@link LocalStackMain}.
 *
 * @param reset    delete the data directory before starting
 * @param dataDir  where data and logs live; default {@code <repo>/.local-stack}
 * @param basePort the gateway's port (every other port shifts with it); 0 for random ports
 * @param repoDir  the repository root; default: found by walking up from the working directory
 * @param help     print the usage and exit
 * @param seed     load the reference data through the gateway once the stack is healthy ({@code --no-seed}: not)
 */
record LaunchOptions(boolean reset, Optional<Path> dataDir, int basePort, Optional<Path> repoDir, boolean help,
        boolean seed) {

    static final String USAGE = """
            Usage: java -jar local-stack/target/local-stack-exec.jar [options]
              --reset            delete the stack's data (Kafka, MongoDB, logs) before starting
              --data-dir DIR     data and logs (default: <repo>/.local-stack)
              --base-port N      gateway port; services follow, Kafka/MongoDB shift by N-8080
                                 (default 8080: services 8080-8085, Kafka 9092/9093, MongoDB 27017;
                                 0 = random free ports)
              --repo-dir DIR     repository root (default: found from the working directory)
              --no-seed          do not load the agency register's data once the stack is up
              --help             this text""";

    /**
     * Parses {@code --name value} and {@code --name=value} forms.
     *
     * @throws IllegalArgumentException with a message for the user on anything unknown or malformed
     */
    static LaunchOptions parse(String... args) {
        boolean reset = false;
        boolean help = false;
        boolean seed = true;
        Optional<Path> dataDir = Optional.empty();
        Optional<Path> repoDir = Optional.empty();
        int basePort = StackPorts.DEFAULT_BASE_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            boolean takesValue = name.equals("--data-dir") || name.equals("--repo-dir") || name.equals("--base-port");
            String value = null;
            if (takesValue && equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (takesValue) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--reset" -> reset = true;
                case "--help", "-h" -> help = true;
                case "--no-seed" -> seed = false;
                case "--data-dir" -> dataDir = Optional.of(Path.of(value));
                case "--repo-dir" -> repoDir = Optional.of(Path.of(value));
                case "--base-port" -> basePort = parsePort(value);
                default -> throw new IllegalArgumentException("Unknown option: " + arg);
            }
        }
        return new LaunchOptions(reset, dataDir, basePort, repoDir, help, seed);
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--base-port needs a number but got '" + value + "'");
        }
    }
}
