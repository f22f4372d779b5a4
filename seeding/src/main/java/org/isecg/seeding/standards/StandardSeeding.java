package org.isecg.seeding.standards;

import java.util.List;

import org.isecg.seeding.CollectionDataset;
import org.isecg.seeding.Dataset;
import org.isecg.seeding.api.ApiResponse;

import tools.jackson.databind.JsonNode;

/**
 * The catalogue of interface standards through {@code /api/v1/standards}: every standard published with its
 * history, brought forward or left as {@link StandardDecisions} decides, by {@link CollectionDataset} (a
 * publication under an {@code Idempotency-Key} derived from the standard, every other write under the version it
 * follows). It runs after the agencies: the catalogue checks stewards against its replica of the register, which
 * trails it by seconds, so a {@code 422} naming the stewards is tried again for the settings' replica lag before
 * it counts as failed.
 */
public final class StandardSeeding {

    static final String NAME = "standards";

    private StandardSeeding() {
    }

    /** The bundled catalogue. */
    public static Dataset bundled() {
        return of(StandardDataset.bundled());
    }

    /** A catalogue of these standards, e.g. as an older dataset had it. */
    public static Dataset of(List<StandardEntry> standards) {
        return new CollectionDataset<>(NAME, "/api/v1/standards", standards, new StandardDecisions(),
                StandardSeeding::stewardsNotReplicatedYet);
    }

    /** The same standard always gives the same key, any change of what its publication sends another. */
    static String idempotencyKey(StandardEntry standard) {
        return CollectionDataset.idempotencyKey(NAME, standard.code(), standard.publication());
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
