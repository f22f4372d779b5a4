package org.isecg.seeding;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.isecg.seeding.agencies.AgencySeeding;
import org.isecg.seeding.api.ClientCredentials;
import org.isecg.seeding.api.HttpSettings;
import org.isecg.seeding.api.HubApi;
import org.isecg.seeding.api.HubApiException;
import org.isecg.seeding.api.TokenSource;
import org.isecg.seeding.standards.StandardSeeding;

/**
 * Seeds a deployment with datasets, in the order given, through one {@link HubApi}. The local stack uses it
 * in-process once its services are healthy; {@link SeedMain} is the same from the command line.
 *
 * <pre>{@code
 * SeedReport report = Seeder.forDeployment(URI.create(gatewayUrl), URI.create(issuerUrl), "secretariat",
 *         secret, HttpSettings.defaults()).seed(Seeder.datasets(List.of("agencies")), false);
 * }</pre>
 */
public final class Seeder {

    /** The datasets by name, in the order they go in: the register first, as standards and plans name agencies. */
    private static final Map<String, Supplier<Dataset>> DATASETS = Collections.unmodifiableMap(inOrder(
            Map.entry("agencies", AgencySeeding::bundled),
            Map.entry("standards", StandardSeeding::bundled)));

    private final HubApi api;
    private final String seedingClient;

    /**
     * @param seedingClient the client id the deployment's histories name for this tool's writes
     */
    public Seeder(HubApi api, String seedingClient) {
        this.api = api;
        this.seedingClient = seedingClient;
    }

    /** A seeder that gets its tokens from the issuer with the client-credentials grant. */
    public static Seeder forDeployment(URI gateway, URI issuer, String clientId, String clientSecret,
            HttpSettings settings) {
        TokenSource tokens = new ClientCredentials(issuer, clientId, clientSecret, settings);
        return new Seeder(new HubApi(gateway, tokens, settings), clientId);
    }

    /** Every dataset the tool knows, by name. */
    public static List<String> datasetNames() {
        return List.copyOf(DATASETS.keySet());
    }

    /**
     * The bundled datasets of these names.
     *
     * @throws IllegalArgumentException for a name the tool does not know
     */
    public static List<Dataset> datasets(List<String> names) {
        List<Dataset> datasets = new ArrayList<>();
        for (String name : names) {
            Supplier<Dataset> dataset = DATASETS.get(name);
            if (dataset == null) {
                throw new IllegalArgumentException("no dataset '" + name + "'; known: " + String.join(", ", DATASETS.keySet()));
            }
            datasets.add(dataset.get());
        }
        return datasets;
    }

    @SafeVarargs
    private static Map<String, Supplier<Dataset>> inOrder(Map.Entry<String, Supplier<Dataset>>... datasets) {
        Map<String, Supplier<Dataset>> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<Dataset>> dataset : datasets) {
            ordered.put(dataset.getKey(), dataset.getValue());
        }
        return ordered;
    }

    /**
     * Seeds each dataset; one that cannot even be read from the deployment is reported as failed and the next
     * one still runs.
     */
    public SeedReport seed(List<Dataset> datasets, boolean dryRun) {
        List<SeedReport.Section> sections = new ArrayList<>();
        for (Dataset dataset : datasets) {
            try {
                sections.add(dataset.seed(api, seedingClient, dryRun));
            } catch (HubApiException e) {
                sections.add(new SeedReport.Section(dataset.name(),
                        List.of(new SeedReport.Outcome("(the whole dataset)", SeedReport.Result.FAILED, e.getMessage()))));
            }
        }
        return new SeedReport(dryRun, sections);
    }
}
