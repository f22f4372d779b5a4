package org.isecg.seeding.standards;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.isecg.seeding.DatasetCsv;

/**
 * Reads the standards' CSV ({@code code,title,domain,revision,revision_status,published,stewards,key_parameters,source},
 * one row per revision, oldest first) into one {@link StandardEntry} per code, refusing a file the catalogue
 * could not take: a missing column, an empty field, a label, status, date or parameter of the wrong form, rows of
 * one code that disagree on its title, domain or stewards, a label twice, two revisions baselined at once. Key
 * parameters are {@code name=value [unit]} separated by {@code ;}: the unit in brackets, or none, so that nothing
 * is guessed from the value (docs/seeding.md).
 */
public final class StandardDataset {

    /** The catalogue's data in this module's resources, and its header. */
    static final DatasetCsv.Format FILE = new DatasetCsv.Format("/datasets/standards.csv", "the standards' CSV",
            List.of("code", "title", "domain", "revision", "revision_status", "published", "stewards", "key_parameters", "source"));
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]*");
    // the contracts' FieldPatterns.REVISION_LABEL: labels travel in paths
    private static final Pattern REVISION_LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern PUBLISHED = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** The bundled dataset. */
    public static List<StandardEntry> bundled() {
        return standards(FILE.bundled());
    }

    /**
     * The standards of a CSV with the header line above, in the order their codes first appear.
     *
     * @throws IllegalArgumentException naming the line and the field that is wrong
     */
    public static List<StandardEntry> read(Reader csv) {
        return standards(FILE.read(csv));
    }

    private StandardDataset() {
    }

    private static List<StandardEntry> standards(List<DatasetCsv.Line> lines) {
        Map<String, StandardEntry> byCode = new LinkedHashMap<>();
        for (DatasetCsv.Line line : lines) {
            StandardEntry row = row(line);
            StandardEntry known = byCode.get(row.code());
            if (known == null) {
                byCode.put(row.code(), row);
                continue;
            }
            if (!known.title().equals(row.title()) || !known.domain().equals(row.domain())
                    || !known.stewards().equals(row.stewards())) {
                throw line.wrong(row.code() + "'s title, domain or stewards differ from its earlier rows");
            }
            RevisionRow revision = row.revisions().get(0);
            if (known.revisions().stream().anyMatch(earlier -> earlier.revision().equals(revision.revision()))) {
                throw line.wrong(row.code() + " has the revision " + revision.revision() + " twice");
            }
            if (revision.status() == RevisionStatus.BASELINED
                    && known.revisions().stream().anyMatch(earlier -> earlier.status() == RevisionStatus.BASELINED)) {
                throw line.wrong(row.code() + " has two revisions BASELINED; at most one is at a time");
            }
            List<RevisionRow> revisions = new ArrayList<>(known.revisions());
            revisions.add(revision);
            byCode.put(row.code(), new StandardEntry(known.code(), known.title(), known.domain(), known.stewards(), revisions));
        }
        return List.copyOf(byCode.values());
    }

    /** The line as a standard with this one revision. */
    private static StandardEntry row(DatasetCsv.Line line) {
        String domain = line.required("domain");
        if (!IDENTIFIER.matcher(domain).matches()) {
            throw line.wrong("domain '" + domain + "' is not one of the catalogue's domains (DOCKING, POWER, ...)");
        }
        String label = line.required("revision");
        if (!REVISION_LABEL.matcher(label).matches()) {
            throw line.wrong("revision '" + label + "' is not a label (letters, digits, '.', '_', '-'; up to 32)");
        }
        String status = line.required("revision_status");
        if (Arrays.stream(RevisionStatus.values()).noneMatch(known -> known.name().equals(status))) {
            throw line.wrong("revision_status '" + status + "' is not one of " + Arrays.toString(RevisionStatus.values()));
        }
        String published = line.optional("published");
        if (!published.isEmpty() && !PUBLISHED.matcher(published).matches()) {
            throw line.wrong("published '" + published + "' is not YYYY, YYYY-MM or YYYY-MM-DD (empty where unknown)");
        }
        Set<String> stewards = new LinkedHashSet<>();
        Arrays.stream(line.required("stewards").split(";")).map(String::strip).filter(code -> !code.isEmpty())
                .forEach(stewards::add);
        RevisionRow revision = new RevisionRow(label, RevisionStatus.valueOf(status), published.isEmpty() ? null : published,
                keyParameters(line), line.optional("source"));
        return new StandardEntry(line.required("code"), line.required("title"), domain, stewards, List.of(revision));
    }

    private static List<KeyParameter> keyParameters(DatasetCsv.Line line) {
        List<KeyParameter> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String text : line.optional("key_parameters").split(";")) {
            String parameter = text.strip();
            if (parameter.isEmpty()) {
                continue;
            }
            KeyParameter read = KeyParameter.parse(parameter)
                    .orElseThrow(() -> line.wrong("key parameter '" + parameter + "' is not name=value or name=value [unit]"));
            if (!names.add(read.name())) {
                throw line.wrong("key parameter " + read.name() + " appears twice");
            }
            parameters.add(read);
        }
        return parameters;
    }
}
