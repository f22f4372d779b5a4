package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionStatus;
import org.junit.jupiter.api.Test;

class StandardTest {

    @Test
    void distinctRevisionLabelsBreakNoRule() {
        assertThat(idssWith("D", "E", "F").violations()).isEmpty();
    }

    @Test
    void eachRepeatedLabelIsNamedOnce() {
        // given
        Standard standard = idssWith("E", "F", "E", "F", "G");

        // when
        List<String> violations = standard.violations();

        // then
        assertThat(violations).containsExactly("revision 'E' appears more than once", "revision 'F' appears more than once");
    }

    @Test
    void labelsDifferingOnlyInCaseAreDistinctRevisions() {
        assertThat(idssWith("a", "A").violations()).isEmpty();
    }

    @Test
    void theEventsCarryEveryRevisionInOrderAtTheStandardsVersion() {
        // given
        Standard standard = idssWith("D", "E", "F");

        // when / then
        assertThat(standard.published().revisions()).extracting(Revision::revision).containsExactly("D", "E", "F");
        assertThat(standard.revised().version()).isEqualTo(standard.version());
        assertThat(standard.revised().stewards()).containsExactly("CSA", "ESA", "JAXA", "NASA", "ROSCOSMOS");
    }

    private static Standard idssWith(String... labels) {
        List<Revision> revisions = Arrays.stream(labels)
                .map(label -> new Revision(label, RevisionStatus.BASELINED, "2022", Map.of())).toList();
        return new Standard("IDSS", 3, "International Docking System Standard", InterfaceDomain.DOCKING,
                Set.of("NASA", "ROSCOSMOS", "ESA", "JAXA", "CSA"), revisions);
    }
}
