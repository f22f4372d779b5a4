package org.isecg.seeding.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class AgencyDatasetTest {

    private static final String HEADER = "code,name,countries,kind,isecg_member_since,source\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theBundledRegisterHoldsTheTwentySevenMembersAndTheTwoNonMembersThatOwnPlans() {
        List<AgencyRow> rows = AgencyDataset.bundled();

        assertThat(rows).hasSize(29);
        assertThat(rows.stream().filter(row -> row.membership().equals("MEMBER"))).hasSize(27);
        assertThat(rows.stream().filter(row -> row.membership().equals("NON_MEMBER")).map(AgencyRow::code))
                .containsExactly("MBRSC", "CMSA");
        assertThat(rows).allSatisfy(row -> assertThat(row.source()).isNotBlank());
        assertThat(rows).extracting(AgencyRow::kind).containsOnly("NATIONAL_AGENCY", "INTERGOVERNMENTAL_ORGANISATION",
                "RESEARCH_ORGANISATION");
        Map<String, AgencyRow> byCode = rows.stream().collect(Collectors.toMap(AgencyRow::code, Function.identity()));
        assertThat(byCode.get("ESA").countries()).hasSize(23).contains("FR", "DE", "IT", "GB", "CH", "NO");
        assertThat(byCode.get("ESA").kind()).isEqualTo("INTERGOVERNMENTAL_ORGANISATION");
        assertThat(byCode.get("NZSA").memberSince()).isEqualTo(2021);
        assertThat(byCode.get("CNES").name()).isEqualTo("Centre National d'Études Spatiales");
    }

    @Test
    void aMemberRowBecomesARegistrationWithItsYearAndANonMemberOneWithout() {
        List<AgencyRow> rows = AgencyDataset.read(new StringReader(HEADER
                + "ESA,European Space Agency,FR;DE; IT,INTERGOVERNMENTAL_ORGANISATION,2007,esa.int\n"
                + "CMSA,China Manned Space Agency,CN,NATIONAL_AGENCY,,\"crewed programme, not a member\"\n"));

        assertThat(JSON.readTree(rows.get(0).registration().toString())).isEqualTo(JSON.readTree("""
                {"code": "ESA", "name": "European Space Agency", "countries": ["DE", "FR", "IT"],
                 "kind": "INTERGOVERNMENTAL_ORGANISATION", "membership": "MEMBER", "memberSince": 2007}"""));
        assertThat(JSON.readTree(rows.get(1).registration().toString())).isEqualTo(JSON.readTree("""
                {"code": "CMSA", "name": "China Manned Space Agency", "countries": ["CN"],
                 "kind": "NATIONAL_AGENCY", "membership": "NON_MEMBER"}"""));
        assertThat(rows.get(1).source()).isEqualTo("crewed programme, not a member");
    }

    @Test
    void aFileTheRegisterCouldNotTakeIsRefusedWithTheLineThatIsWrong() {
        assertRefused(HEADER + "NASA,,US,NATIONAL_AGENCY,2007,x\n", "line 2: name is empty");
        assertRefused(HEADER + "NASA,NASA,US,NATIONAL_AGENCY,2007,x\nESA,ESA,FR,NATIONAL_AGENCY,07,x\n",
                "line 3: isecg_member_since '07' is not a year");
        assertRefused(HEADER + "NASA,NASA,US,national agency,2007,x\n", "line 2: kind 'national agency'");
        assertRefused(HEADER + "NASA,NASA,US,NATIONAL_AGENCY,2007,x\nNASA,Again,US,NATIONAL_AGENCY,2007,x\n",
                "line 3: the code NASA appears twice");
        assertRefused("code,name,countries,kind\nNASA,NASA,US,NATIONAL_AGENCY\n", "lacks the columns [isecg_member_since, source]");
    }

    private static void assertRefused(String csv, String message) {
        assertThatThrownBy(() -> AgencyDataset.read(new StringReader(csv)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
