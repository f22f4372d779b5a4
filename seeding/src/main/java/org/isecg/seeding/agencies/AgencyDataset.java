package org.isecg.seeding.agencies;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.isecg.seeding.DatasetCsv;

/**
 * Reads the agencies' CSV ({@code code,name,countries,kind,isecg_member_since,source}; countries separated by
 * {@code ;}) into {@link AgencyRow}s, refusing a file the register could not take row by row: a missing column,
 * an empty field, a malformed year or a code that appears twice stop the run before anything is written, with
 * the line that is wrong.
 */
public final class AgencyDataset {

    /** The register's data in this module's resources, and its header. */
    static final DatasetCsv.Format FILE = new DatasetCsv.Format("/datasets/agencies.csv", "the agencies' CSV",
            List.of("code", "name", "countries", "kind", "isecg_member_since", "source"));
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private AgencyDataset() {
    }

    /** The bundled dataset. */
    public static List<AgencyRow> bundled() {
        return rows(FILE.bundled());
    }

    /**
     * The rows of a CSV with the header line above.
     *
     * @throws IllegalArgumentException naming the line and the field that is wrong
     */
    public static List<AgencyRow> read(Reader csv) {
        return rows(FILE.read(csv));
    }

    private static List<AgencyRow> rows(List<DatasetCsv.Line> lines) {
        List<AgencyRow> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (DatasetCsv.Line line : lines) {
            AgencyRow row = row(line);
            if (!codes.add(row.code())) {
                throw line.wrong("the code " + row.code() + " appears twice");
            }
            rows.add(row);
        }
        return rows;
    }

    private static AgencyRow row(DatasetCsv.Line line) {
        String code = line.required("code");
        String kind = line.required("kind");
        if (!IDENTIFIER.matcher(kind).matches()) {
            throw line.wrong("kind '" + kind + "' is not one of the register's kinds "
                    + "(NATIONAL_AGENCY, INTERGOVERNMENTAL_ORGANISATION, RESEARCH_ORGANISATION, ...)");
        }
        Set<String> countries = new LinkedHashSet<>();
        Arrays.stream(line.required("countries").split(";")).map(String::strip)
                .filter(country -> !country.isEmpty()).forEach(countries::add);
        String since = line.optional("isecg_member_since");
        Integer memberSince = null;
        if (!since.isEmpty()) {
            if (!YEAR.matcher(since).matches()) {
                throw line.wrong("isecg_member_since '" + since
                        + "' is not a year (empty for an organisation that is not a member)");
            }
            memberSince = Integer.valueOf(since);
        }
        return new AgencyRow(code, line.required("name"), countries, kind, memberSince, line.optional("source"));
    }
}
