package org.isecg.seeding;

import org.isecg.seeding.api.HttpSettings;

/**
 * {@code java -jar seeding/target/seeding.jar --gateway URL --issuer URL --client-id ID --client-secret SECRET
 * [--dataset agencies,standards] [--dry-run] [--replica-lag SECONDS]}: seeds any deployment of the Hub through its public API and prints what it
 * did (docs/seeding.md).
 */
public final class SeedMain {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private SeedMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        SeedOptions options;
        try {
            options = SeedOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("seeding: " + e.getMessage());
            System.err.println(SeedOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            System.out.println(SeedOptions.USAGE);
            return 0;
        }
        System.out.println("Seeding " + String.join(", ", options.datasets()) + " through " + options.gateway()
                + " as " + options.clientId() + (options.dryRun() ? " (dry run: nothing is written)" : ""));
        SeedReport report = Seeder.forDeployment(options.gateway(), options.issuer(), options.clientId(),
                options.clientSecret(), HttpSettings.defaults().withReplicaLag(options.replicaLag())).seed(Seeder.datasets(options.datasets()), options.dryRun());
        System.out.print(report.render());
        return report.failed() ? EXIT_FAILED : 0;
    }
}
