package org.isecg.seeding.agencies;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads the agencies' CSV ({@code code,name,countries,kind,isecg_member_since,source}; countries separated by
 * {@code ;}) into {@link AgencyRow}s, refusing a file the register could not take row by row: a missing column,
 * an empty field, a malformed year or a code that appears twice stop the run before anything is written, with
 * the line that is wrong.
 */
public final class AgencyDataset {

    /** The register's data in this module's resources. */
    public static final String BUNDLED = "/datasets/agencies.csv";
    static final List<String> COLUMNS = List.of("code", "name", "countries", "kind", "isecg_member_since", "source");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");

    private AgencyDataset() {
    }

    /** The bundled dataset. */
    public static List<AgencyRow> bundled() {
        try (InputStream in = AgencyDataset.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a CSV with the header line above.
     *
     * @throws IllegalArgumentException naming the line and the field that is wrong
     */
    public static List<AgencyRow> read(Reader csv) {
        CsvMapper mapper = CsvMapper.builder().build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<AgencyRow> rows = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (MappingIterator<Map<String, String>> lines = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
            int line = 1;
            while (lines.hasNext()) {
                Map<String, String> fields = lines.next();
                line++;
                if (line == 2) {
                    List<String> missing = COLUMNS.stream().filter(column -> !fields.containsKey(column)).toList();
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException("the agencies' CSV lacks the columns " + missing
                                + "; its header must be " + String.join(",", COLUMNS));
                    }
                }
                AgencyRow row = row(fields, line);
                if (!codes.add(row.code())) {
                    throw new IllegalArgumentException("line " + line + ": the code " + row.code() + " appears twice");
                }
                rows.add(row);
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the agencies' CSV cannot be read: " + e.getOriginalMessage(), e);
        }
        return rows;
    }

    private static AgencyRow row(Map<String, String> fields, int line) {
        String code = required(fields, "code", line);
        String kind = required(fields, "kind", line);
        if (!IDENTIFIER.matcher(kind).matches()) {
            throw new IllegalArgumentException("line " + line + ": kind '" + kind + "' is not one of the register's kinds "
                    + "(NATIONAL_AGENCY, INTERGOVERNMENTAL_ORGANISATION, RESEARCH_ORGANISATION, ...)");
        }
        Set<String> countries = new LinkedHashSet<>();
        Arrays.stream(required(fields, "countries", line).split(";")).map(String::strip)
                .filter(country -> !country.isEmpty()).forEach(countries::add);
        String since = fields.getOrDefault("isecg_member_since", "").strip();
        Integer memberSince = null;
        if (!since.isEmpty()) {
            if (!YEAR.matcher(since).matches()) {
                throw new IllegalArgumentException("line " + line + ": isecg_member_since '" + since
                        + "' is not a year (empty for an organisation that is not a member)");
            }
            memberSince = Integer.valueOf(since);
        }
        return new AgencyRow(code, required(fields, "name", line), countries, kind, memberSince,
                fields.getOrDefault("source", "").strip());
    }

    private static String required(Map<String, String> fields, String column, int line) {
        String value = fields.getOrDefault(column, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": " + column + " is empty");
        }
        return value;
    }
}
