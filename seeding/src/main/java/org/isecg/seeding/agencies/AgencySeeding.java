package org.isecg.seeding.agencies;

import org.isecg.seeding.CollectionDataset;
import org.isecg.seeding.Dataset;

/**
 * The agency register's dataset through {@code /api/v1/agencies}: every row created, updated or left as
 * {@link AgencyDecisions} decides, by {@link CollectionDataset} (a create under an {@code Idempotency-Key}
 * derived from the row, a change under the version read).
 */
public final class AgencySeeding {

    static final String NAME = "agencies";

    private AgencySeeding() {
    }

    /** The bundled register data. */
    public static Dataset bundled() {
        return new CollectionDataset<>(NAME, "/api/v1/agencies", AgencyDataset.bundled(), new AgencyDecisions(), answer -> false);
    }

    /** The Idempotency-Key of the row's create: the same row always gives the same key, another row another. */
    static String idempotencyKey(AgencyRow row) {
        return CollectionDataset.idempotencyKey(NAME, row.code(), row.registration());
    }
}
