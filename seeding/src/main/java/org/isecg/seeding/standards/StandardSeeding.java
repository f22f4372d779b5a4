package org.isecg.seeding.standards;

import java.util.List;
import java.util.function.Supplier;

import org.isecg.seeding.ApiCollection;
import org.isecg.seeding.Dataset;
import org.isecg.seeding.Decision;
import org.isecg.seeding.SeedReport;
import org.isecg.seeding.api.ApiResponse;
import org.isecg.seeding.api.HubApi;

import tools.jackson.databind.JsonNode;

/**
 * The catalogue of interface standards through {@code /api/v1/standards}: reads the whole catalogue once, then
 * for each standard publishes it with its history, brings it forward or leaves it as {@link StandardDecisions}
 * decides ({@link ApiCollection}: a publication under an {@code Idempotency-Key} derived from the standard, every
 * other write under the version it follows). It runs after the agencies: the catalogue checks stewards against its
 * replica of the register, which trails it by seconds, so a {@code 422} naming the stewards is tried again for
 * the settings' replica lag before it counts as failed.
 */
public final class StandardSeeding implements Dataset, ApiCollection.Entries<StandardEntry> {

    static final String PATH = "/api/v1/standards";

    private final List<StandardEntry> standards;

    public StandardSeeding(List<StandardEntry> standards) {
        this.standards = List.copyOf(standards);
    }

    /** The bundled catalogue. */
    public static StandardSeeding bundled() {
        return new StandardSeeding(StandardDataset.bundled());
    }

    @Override
    public String name() {
        return "standards";
    }

    @Override
    public SeedReport.Section seed(HubApi api, String seedingClient, boolean dryRun) {
        return new ApiCollection<>(api, PATH, name(), this, StandardSeeding::stewardsNotReplicatedYet)
                .seed(standards, seedingClient, dryRun);
    }

    @Override
    public String key(StandardEntry standard) {
        return standard.code();
    }

    @Override
    public Decision decide(StandardEntry standard, JsonNode current, Supplier<JsonNode> history, String seedingClient) {
        return StandardDecisions.decide(standard, current, history, seedingClient);
    }

    /** The same standard always gives the same key, any change of what its publication sends another. */
    @Override
    public String idempotencyKey(StandardEntry standard) {
        return ApiCollection.idempotencyKey(name(), standard.code(), standard.publication());
    }

    /**
     * A {@code 422} whose problem names the {@code stewards} field: an agency the catalogue's replica of the
     * register may not know yet. Any other refusal is the request's own and is not tried again.
     */
    static boolean stewardsNotReplicatedYet(ApiResponse answer) {
        if (answer.status() != 422) {
            return false;
        }
        for (JsonNode error : answer.body().path("errors")) {
            String field = error.path("field").asString("");
            if (field.equals("stewards") || field.startsWith("stewards[") || field.startsWith("stewards.")) {
                return true;
            }
        }
        return false;
    }
}
