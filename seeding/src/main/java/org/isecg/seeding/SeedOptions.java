package org.isecg.seeding;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.isecg.seeding.api.HttpSettings;

/**
 * The tool's command line, with environment variables for what is not on it (a secret is better kept off
 * a command line, which other users of the machine can read).
 *
 * @param allowHttp  send the client's secret and tokens over plain HTTP to a host that is not loopback
 * @param replicaLag how long a write is tried again that a service refuses because its replica of another's data
 *                   has not caught up yet ({@link org.isecg.seeding.api.HttpSettings#replicaLag()})
 */
record SeedOptions(URI gateway, URI issuer, String clientId, String clientSecret, List<String> datasets,
        boolean dryRun, boolean allowHttp, Duration replicaLag, boolean help) {

    static final String USAGE = """
            Usage: java -jar seeding/target/seeding.jar --gateway URL --issuer URL --client-id ID --client-secret SECRET
                                                        [--dataset NAME]... [--dry-run] [--allow-http]
                                                        [--replica-lag SECONDS]
              --gateway URL          the Hub's public entry point, e.g. https://hub.example.org   (HUB_GATEWAY)
              --issuer URL           the token issuer; its metadata names the token endpoint     (HUB_ISSUER)
              --client-id ID         a client with hub.read, hub.secretariat and hub.standards    (HUB_CLIENT_ID)
              --client-secret SECRET its secret; prefer the variable                              (HUB_CLIENT_SECRET)
              --dataset NAME         what to load: %s (default: all, in that order; repeat or comma-separate)
              --dry-run              read and report what would change, write nothing
              --allow-http           allow plain http:// to hosts that are not loopback
              --replica-lag SECONDS  how long to try again a standard whose stewards the catalogue does not know yet
                                     (its replica of the register trails it; default 30)
              --help                 this text
            Exit code: 0 when every entry is created, unchanged, updated or left as a person changed it;
            1 when any failed; 2 for bad arguments.""".formatted(String.join(", ", Seeder.datasetNames()));

    /**
     * @throws IllegalArgumentException with a message for the user
     */
    static SeedOptions parse(String[] args, Map<String, String> environment) {
        String gateway = environment.get("HUB_GATEWAY");
        String issuer = environment.get("HUB_ISSUER");
        String clientId = environment.get("HUB_CLIENT_ID");
        String clientSecret = environment.get("HUB_CLIENT_SECRET");
        List<String> datasets = new ArrayList<>();
        boolean dryRun = false;
        boolean allowHttp = false;
        boolean help = false;
        Duration replicaLag = HttpSettings.defaults().replicaLag();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            switch (name) {
                case "--dry-run" -> dryRun = true;
                case "--allow-http" -> allowHttp = true;
                case "--help", "-h" -> help = true;
                case "--gateway", "--issuer", "--client-id", "--client-secret", "--dataset", "--replica-lag" -> {
                    String value;
                    if (equals > 0) {
                        value = arg.substring(equals + 1);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    } else {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    switch (name) {
                        case "--gateway" -> gateway = value;
                        case "--issuer" -> issuer = value;
                        case "--client-id" -> clientId = value;
                        case "--client-secret" -> clientSecret = value;
                        case "--replica-lag" -> replicaLag = seconds(name, value);
                        default -> Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                                .forEach(datasets::add);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option: " + arg);
            }
        }
        if (help) {
            return new SeedOptions(null, null, null, null, List.of(), dryRun, allowHttp, replicaLag, true);
        }
        List<String> missing = new ArrayList<>();
        if (blank(gateway)) {
            missing.add("--gateway (HUB_GATEWAY)");
        }
        if (blank(issuer)) {
            missing.add("--issuer (HUB_ISSUER)");
        }
        if (blank(clientId)) {
            missing.add("--client-id (HUB_CLIENT_ID)");
        }
        if (blank(clientSecret)) {
            missing.add("--client-secret (HUB_CLIENT_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("missing " + String.join(", ", missing));
        }
        Seeder.datasets(datasets);
        URI gatewayUri = url("--gateway", gateway, allowHttp);
        URI issuerUri = url("--issuer", issuer, allowHttp);
        return new SeedOptions(gatewayUri, issuerUri, clientId, clientSecret,
                datasets.isEmpty() ? Seeder.datasetNames() : List.copyOf(datasets), dryRun, allowHttp, replicaLag, false);
    }

    private static Duration seconds(String option, String value) {
        if (!value.strip().matches("\\d{1,6}")) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a whole number of seconds");
        }
        return Duration.ofSeconds(Long.parseLong(value.strip()));
    }

    private static URI url(String option, String value, boolean allowHttp) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + value + "' is not a URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(option + " '" + value + "' must be an http(s) URL with a host");
        }
        if ("http".equals(uri.getScheme()) && !allowHttp && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException(option + " '" + value + "': plain http would send the client's secret"
                    + " and tokens in the clear; use https, or --allow-http inside a private network");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        // literal addresses only: a name is not resolved just to decide this
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:.]+\\]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
