package org.isecg.standards.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardRevised;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.web.problem.ConflictException;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.NotFoundException;
import org.junit.jupiter.api.Test;

class StandardTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void distinctLabelsWithOneBaselineBreakNoRule() {
        assertThat(idss(revision("D", RevisionStatus.SUPERSEDED), revision("E", RevisionStatus.BASELINED),
                revision("F", RevisionStatus.DRAFT)).violations()).isEmpty();
    }

    @Test
    void eachRepeatedLabelIsNamedWhereItRepeats() {
        // given
        Standard standard = idss(revision("E", RevisionStatus.SUPERSEDED), revision("F", RevisionStatus.DRAFT),
                revision("E", RevisionStatus.DRAFT));

        // when
        List<HubProblem.FieldError> violations = standard.violations();

        // then
        assertThat(violations).containsExactly(
                new HubProblem.FieldError("revisions[2].revision", "revision 'E' appears more than once"));
    }

    @Test
    void twoBaselinedRevisionsBreakTheRuleNamingBoth() {
        assertThat(idss(revision("E", RevisionStatus.BASELINED), revision("F", RevisionStatus.BASELINED)).violations())
                .extracting(HubProblem.FieldError::message)
                .containsExactly("revisions E, F are all BASELINED; at most one revision is baselined at a time");
    }

    @Test
    void aParameterNameRepeatedWithinARevisionIsNamedButTheSameNameInTwoRevisionsIsNot() {
        // given
        KeyParameter diameter = new KeyParameter("passage_diameter", "800", "mm");
        Standard standard = idss(
                new StandardRevision("E", RevisionStatus.SUPERSEDED, "2016", List.of(diameter)),
                new StandardRevision("F", RevisionStatus.BASELINED, "2022", List.of(diameter, diameter)));

        // when / then
        assertThat(standard.violations()).containsExactly(new HubProblem.FieldError("revisions[1].keyParameters[1].name",
                "parameter 'passage_diameter' appears more than once in the revision"));
    }

    @Test
    void labelsDifferingOnlyInCaseAreDistinctRevisions() {
        assertThat(idss(revision("a", RevisionStatus.DRAFT), revision("A", RevisionStatus.DRAFT)).violations()).isEmpty();
    }

    @Test
    void baseliningADraftSupersedesTheBaselineInTheSameVersion() {
        // given
        Standard standard = idss(revision("E", RevisionStatus.SUPERSEDED), revision("F", RevisionStatus.BASELINED),
                revision("G", RevisionStatus.DRAFT));

        // when
        Standard.Written written = standard.baseline("G", AT);

        // then
        assertThat(written.standard().version()).isEqualTo(standard.version() + 1);
        assertThat(written.standard().revisions()).extracting(StandardRevision::status)
                .containsExactly(RevisionStatus.SUPERSEDED, RevisionStatus.SUPERSEDED, RevisionStatus.BASELINED);
        assertThat(written.event()).isEqualTo(new RevisionBaselined(written.standard().state(), "G", "F"));
        assertThat(written.standard().updatedAt()).isEqualTo(AT);
    }

    @Test
    void baseliningWhenNoneIsBaselinedSupersedesNothing() {
        Standard.Written written = idss(revision("A", RevisionStatus.DRAFT)).baseline("A", AT);

        assertThat(((RevisionBaselined) written.event()).superseded()).isNull();
    }

    @Test
    void onlyADraftCanBeBaselinedAndTheConflictNamesTheStatus() {
        for (RevisionStatus status : List.of(RevisionStatus.BASELINED, RevisionStatus.SUPERSEDED, RevisionStatus.RETIRED)) {
            Standard standard = idss(revision("F", status));

            assertThatThrownBy(() -> standard.baseline("F", AT)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("is " + status).hasMessageContaining("only a DRAFT");
        }
    }

    @Test
    void aRevisionIsRetiredFromAnyStatusButOnlyOnce() {
        for (RevisionStatus status : List.of(RevisionStatus.DRAFT, RevisionStatus.BASELINED, RevisionStatus.SUPERSEDED)) {
            assertThat(idss(revision("F", status)).retire("F", AT).standard().revisions().get(0).status())
                    .isEqualTo(RevisionStatus.RETIRED);
        }
        assertThatThrownBy(() -> idss(revision("F", RevisionStatus.RETIRED)).retire("F", AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already RETIRED");
    }

    @Test
    void aDraftWithALabelTheStandardHasIsAConflictAndAnUnknownRevisionIsNotFound() {
        Standard standard = idss(revision("F", RevisionStatus.BASELINED));

        assertThatThrownBy(() -> standard.withDraft(revision("F", RevisionStatus.DRAFT), AT))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a revision 'F'");
        assertThatThrownBy(() -> standard.baseline("Z", AT)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> standard.retire("Z", AT)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAddedRevisionIsADraftWhateverItWasGiven() {
        Standard.Written written = idss().withDraft(revision("A", RevisionStatus.BASELINED), AT);

        assertThat(written.standard().revisions()).extracting(StandardRevision::status).containsExactly(RevisionStatus.DRAFT);
    }

    @Test
    void aStandardWithoutRevisionHasNoV1TwinItsFirstIsPublishedAndTheNextRevised() {
        // given
        Standard none = idss();
        Standard one = none.withDraft(new StandardRevision("A", RevisionStatus.DRAFT, "2024",
                List.of(new KeyParameter("bus_voltage", "120", "V DC"), new KeyParameter("androgynous", "true", null))), AT)
                .standard();

        // when / then
        assertThat(none.v1Twin(false)).isEmpty();
        assertThat(one.v1Twin(false)).containsInstanceOf(StandardPublished.class);
        StandardRevised revised = (StandardRevised) one.v1Twin(true).orElseThrow();
        assertThat(revised.version()).isEqualTo(one.version());
        assertThat(revised.stewards()).containsExactly("CSA", "ESA", "JAXA", "NASA", "ROSCOSMOS");
        assertThat(revised.revisions()).containsExactly(new Revision("A", RevisionStatus.DRAFT, "2024",
                Map.of("bus_voltage", "120 V DC", "androgynous", "true")));
    }

    private static StandardRevision revision(String label, RevisionStatus status) {
        return new StandardRevision(label, status, "2022", List.of());
    }

    private static Standard idss(StandardRevision... revisions) {
        return new Standard("IDSS", 3, "International Docking System Standard", InterfaceDomain.DOCKING, null,
                Set.of("NASA", "ROSCOSMOS", "ESA", "JAXA", "CSA"), Arrays.asList(revisions), AT, AT);
    }
}
