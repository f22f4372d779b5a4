package org.isecg.seeding.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class AgencySeedingTest {

    @Test
    void aRowsIdempotencyKeyIsTheSameForTheSameRowAndAnotherForAnyChangeOfIt() {
        AgencyRow nasa = new AgencyRow("NASA", "National Aeronautics and Space Administration", Set.of("US"),
                "NATIONAL_AGENCY", 2007, "faq");
        AgencyRow sameFromAnotherSource = new AgencyRow("NASA", "National Aeronautics and Space Administration",
                Set.of("US"), "NATIONAL_AGENCY", 2007, "another page");
        AgencyRow renamed = new AgencyRow("NASA", "NASA", Set.of("US"), "NATIONAL_AGENCY", 2007, "faq");

        String key = AgencySeeding.idempotencyKey(nasa);

        assertThat(key).matches("seed-agencies-NASA-[0-9a-f]{24}").hasSizeLessThanOrEqualTo(255);
        assertThat(AgencySeeding.idempotencyKey(sameFromAnotherSource)).as("the source is not sent").isEqualTo(key);
        assertThat(AgencySeeding.idempotencyKey(renamed)).isNotEqualTo(key);
    }

    @Test
    void everyRowOfTheBundledDatasetHasAKeyOfItsOwn() {
        List<AgencyRow> rows = AgencyDataset.bundled();

        assertThat(rows.stream().map(AgencySeeding::idempotencyKey).collect(Collectors.toSet())).hasSize(rows.size());
    }
}
