package org.isecg.seeding.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.isecg.seeding.agencies.AgencyDataset;
import org.isecg.seeding.agencies.AgencyRow;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class StandardDatasetTest {

    private static final String HEADER = "code,title,domain,revision,revision_status,published,stewards,key_parameters,source\n";
    private static final String IDSS_E = "IDSS,International Docking System Standard,DOCKING,E,SUPERSEDED,2016-10,NASA;ESA,"
            + "passage_diameter=800 [mm]; androgynous=true,nasa.gov\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theBundledCatalogueHoldsEveryRowOfItsSourceAsOneStandardPerCodeWithItsRevisionsInFileOrder() {
        List<StandardEntry> standards = StandardDataset.bundled();

        assertThat(standards.stream().mapToInt(standard -> standard.revisions().size()).sum()).as("rows").isEqualTo(18);
        assertThat(standards).extracting(StandardEntry::code).containsExactly("IASIS", "ISCSIS", "IDSS", "IECLSS",
                "ISPSIS", "IRSIS", "IERIIS", "ITSIS", "LNIS", "LSIS-AFS", "CCSDS-211", "QQ2-LINK", "LSPG", "LTC");
        assertThat(standards).flatExtracting(StandardEntry::revisions).allSatisfy(revision ->
                assertThat(revision.source()).isNotBlank());
        Map<String, StandardEntry> byCode = standards.stream().collect(Collectors.toMap(StandardEntry::code, Function.identity()));
        StandardEntry idss = byCode.get("IDSS");
        assertThat(idss.domain()).isEqualTo("DOCKING");
        assertThat(idss.stewards()).containsExactlyInAnyOrder("NASA", "CSA", "ESA", "JAXA", "ROSCOSMOS");
        assertThat(idss.revisions()).extracting(RevisionRow::revision, RevisionRow::status).containsExactly(
                tuple("E", RevisionStatus.SUPERSEDED),
                tuple("F", RevisionStatus.BASELINED));
        assertThat(idss.revisions().get(1).keyParameters()).containsExactly(new KeyParameter("passage_diameter", "800", "mm"),
                new KeyParameter("androgynous", "true", null), new KeyParameter("transfers", "power/data/commands/air", null));
        assertThat(byCode.get("ISPSIS").revisions().get(0).keyParameters())
                .containsExactly(new KeyParameter("bus_voltage", "120", "V DC"));
        assertThat(byCode.get("LSPG").revisions().get(0).keyParameters()).containsExactly(
                new KeyParameter("transmission", "3", "kV AC"), new KeyParameter("converter", "UMIC to 120 V DC", null));
        assertThat(byCode.get("LTC").revisions().get(0).keyParameters()).contains(new KeyParameter("drift", "58.7", "us/day"));
        assertThat(byCode.get("CCSDS-211").revisions().get(0).keyParameters()).containsExactly(
                new KeyParameter("uhf_channels", "437.1/440.7425/444.385/448.0275", "MHz"), new KeyParameter("max_rate", "2048", "kbps"));
        assertThat(byCode.get("ISCSIS").revisions().get(0).published()).as("no date found").isNull();
        assertThat(standards).allSatisfy(standard -> assertThat(standard.revisions()
                .stream().filter(revision -> revision.status() == RevisionStatus.BASELINED)).hasSizeLessThanOrEqualTo(1));
    }

    @Test
    void everyStewardIsAnAgencyOfTheAgenciesDataset() {
        Set<String> agencies = AgencyDataset.bundled().stream().map(AgencyRow::code).collect(Collectors.toSet());

        assertThat(StandardDataset.bundled()).flatExtracting(standard -> List.copyOf(standard.stewards()))
                .isNotEmpty().allSatisfy(steward -> assertThat(agencies).contains(steward));
    }

    @Test
    void aStandardIsPublishedWithItsWholeHistoryAndEachParametersUnitOnlyWhereItHasOne() {
        List<StandardEntry> standards = StandardDataset.read(new StringReader(HEADER + IDSS_E
                + "IDSS,International Docking System Standard,DOCKING,F,BASELINED,,ESA;NASA,,nasa.gov\n"));

        assertThat(standards).hasSize(1);
        assertThat(JSON.readTree(standards.get(0).publication().toString())).isEqualTo(JSON.readTree("""
                {"code": "IDSS", "title": "International Docking System Standard", "domain": "DOCKING",
                 "stewards": ["ESA", "NASA"],
                 "revisions": [
                   {"revision": "E", "status": "SUPERSEDED", "published": "2016-10",
                    "keyParameters": [{"name": "passage_diameter", "value": "800", "unit": "mm"},
                                      {"name": "androgynous", "value": "true"}]},
                   {"revision": "F", "status": "BASELINED", "keyParameters": []}]}"""));
        assertThat(JSON.readTree(standards.get(0).revisions().get(1).addition().toString()))
                .as("an added revision is a draft: no status").isEqualTo(JSON.readTree("""
                        {"revision": "F", "keyParameters": []}"""));
    }

    @Test
    void aFileTheCatalogueCouldNotTakeIsRefusedWithTheLineThatIsWrong() {
        assertRefused(HEADER + "IDSS,Docking,DOCKING,E,SUPERSEDED,2016-10,NASA,passage_diameter=800 mm],x\n",
                "line 2: key parameter 'passage_diameter=800 mm]' is not name=value or name=value [unit]");
        assertRefused(HEADER + "IDSS,Docking,DOCKING,E,SUPERSEDED,2016-10,NASA,bus.voltage=120 [V],x\n", "line 2: key parameter");
        assertRefused(HEADER + "IDSS,Docking,DOCKING,E,SUPERSEDED,2016-10,NASA,a=1; a=2,x\n", "line 2: key parameter a appears twice");
        assertRefused(HEADER + "IDSS,Docking,DOCKING,E,SUPERSEDED,2016-10,NASA,a=,x\n", "line 2: key parameter 'a='");
        assertRefused(HEADER + IDSS_E + "IDSS,Docking (renamed),DOCKING,F,BASELINED,,NASA;ESA,,x\n",
                "line 3: IDSS's title, domain or stewards differ from its earlier rows");
        assertRefused(HEADER + IDSS_E + IDSS_E, "line 3: IDSS has the revision E twice");
        assertRefused(HEADER + IDSS_E.replace("SUPERSEDED", "BASELINED") + IDSS_E.replace(",E,SUPERSEDED", ",F,BASELINED"),
                "line 3: IDSS has two revisions BASELINED");
        assertRefused(HEADER + IDSS_E.replace("SUPERSEDED", "superseded"), "line 2: revision_status 'superseded' is not one of");
        assertRefused(HEADER + IDSS_E.replace(",E,", ",F/1,"), "line 2: revision 'F/1' is not a label");
        assertRefused(HEADER + IDSS_E.replace("2016-10", "Oct 2016"), "line 2: published 'Oct 2016' is not YYYY");
        assertRefused(HEADER + IDSS_E.replace("DOCKING", "docking"), "line 2: domain 'docking'");
        assertRefused(HEADER + IDSS_E.replace("NASA;ESA", ""), "line 2: stewards is empty");
        assertRefused("code,title,domain,revision\nIDSS,Docking,DOCKING,E\n", "lacks the columns [revision_status, published");
    }

    private static void assertRefused(String csv, String message) {
        assertThatThrownBy(() -> StandardDataset.read(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
