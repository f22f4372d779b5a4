package org.isecg.seeding.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.isecg.seeding.api.ApiResponse;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class StandardSeedingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aStandardsIdempotencyKeyIsTheSameForTheSameStandardAndAnotherForAnyChangeOfWhatIsPublished() {
        List<StandardEntry> standards = StandardDataset.bundled();
        StandardEntry idss = standards.stream().filter(standard -> standard.code().equals("IDSS")).findFirst().orElseThrow();
        StandardEntry retitled = new StandardEntry("IDSS", "IDSS", idss.domain(), idss.stewards(), idss.revisions());

        String key = StandardSeeding.idempotencyKey(idss);

        assertThat(key).matches("seed-standards-IDSS-[0-9a-f]{24}");
        assertThat(StandardSeeding.idempotencyKey(StandardDataset.bundled().get(2))).isEqualTo(key);
        assertThat(StandardSeeding.idempotencyKey(retitled)).isNotEqualTo(key);
        assertThat(standards.stream().map(StandardSeeding::idempotencyKey).collect(Collectors.toSet())).hasSize(standards.size());
    }

    @Test
    void onlyA422NamingTheStewardsIsTakenForAReplicaThatHasNotCaughtUp() {
        assertThat(StandardSeeding.stewardsNotReplicatedYet(answer(422, """
                {"type": "/problems/rule-violation", "errors": [{"field": "stewards", "message": "KASA is not in the register"}]}""")))
                .isTrue();
        assertThat(StandardSeeding.stewardsNotReplicatedYet(answer(422, """
                {"type": "/problems/rule-violation", "errors": [{"field": "stewards[1]", "message": "unknown"}]}"""))).isTrue();
        assertThat(StandardSeeding.stewardsNotReplicatedYet(answer(422, """
                {"type": "/problems/rule-violation", "errors": [{"field": "revisions", "message": "two baselined"}]}"""))).isFalse();
        assertThat(StandardSeeding.stewardsNotReplicatedYet(answer(422, """
                {"type": "/problems/idempotency-key-reused", "detail": "stewards"}"""))).isFalse();
        assertThat(StandardSeeding.stewardsNotReplicatedYet(answer(400, """
                {"type": "/problems/validation", "errors": [{"field": "stewards", "message": "must not be empty"}]}"""))).isFalse();
    }

    private static ApiResponse answer(int status, String body) {
        return new ApiResponse(status, JSON.readTree(body), Optional.empty());
    }
}
