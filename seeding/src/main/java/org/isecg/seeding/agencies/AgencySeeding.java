package org.isecg.seeding.agencies;

import java.util.List;
import java.util.function.Supplier;

import org.isecg.seeding.ApiCollection;
import org.isecg.seeding.Dataset;
import org.isecg.seeding.Decision;
import org.isecg.seeding.SeedReport;
import org.isecg.seeding.api.HubApi;

import tools.jackson.databind.JsonNode;

/**
 * The agency register's dataset through {@code /api/v1/agencies}: reads the whole register once, then for
 * each row creates, updates or leaves the entry as {@link AgencyDecisions} decides ({@link ApiCollection}: a
 * create under an {@code Idempotency-Key} derived from the row, a change under the version read).
 */
public final class AgencySeeding implements Dataset, ApiCollection.Entries<AgencyRow> {

    static final String PATH = "/api/v1/agencies";

    private final List<AgencyRow> rows;

    public AgencySeeding(List<AgencyRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The bundled register data. */
    public static AgencySeeding bundled() {
        return new AgencySeeding(AgencyDataset.bundled());
    }

    @Override
    public String name() {
        return "agencies";
    }

    @Override
    public SeedReport.Section seed(HubApi api, String seedingClient, boolean dryRun) {
        return new ApiCollection<>(api, PATH, name(), this).seed(rows, seedingClient, dryRun);
    }

    @Override
    public String key(AgencyRow row) {
        return row.code();
    }

    @Override
    public Decision decide(AgencyRow row, JsonNode current, Supplier<JsonNode> history, String seedingClient) {
        return AgencyDecisions.decide(row, current, history, seedingClient);
    }

    /** The Idempotency-Key of the row's create: the same row always gives the same key, another row another. */
    @Override
    public String idempotencyKey(AgencyRow row) {
        return ApiCollection.idempotencyKey(name(), row.code(), row.registration());
    }
}
