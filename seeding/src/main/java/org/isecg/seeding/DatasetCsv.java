package org.isecg.seeding;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A dataset's CSV file as lines of named fields, refused as a whole when its header lacks a column, so that a
 * file the deployment could not take stops the run before anything is written. The datasets read their own
 * columns from the lines and name the line that is wrong.
 */
public final class DatasetCsv {

    private DatasetCsv() {
    }

    /** One line of the file: its number (the header is line 1) and its fields by column. */
    public record Line(int number, Map<String, String> fields) {

        /** The field without surrounding blanks, refused when it is empty. */
        public String required(String column) {
            String value = optional(column);
            if (value.isEmpty()) {
                throw wrong(column + " is empty");
            }
            return value;
        }

        /** The field without surrounding blanks; empty when it is. */
        public String optional(String column) {
            return fields.getOrDefault(column, "").strip();
        }

        /** A refusal of the file that names this line. */
        public IllegalArgumentException wrong(String what) {
            return new IllegalArgumentException("line " + number + ": " + what);
        }
    }

    /**
     * One dataset's file: where it is bundled, what messages call it, the columns its header must have.
     *
     * @param resource the bundled file in this module's resources, e.g. {@code /datasets/agencies.csv}
     * @param what     the file's name in messages, e.g. {@code the agencies' CSV}
     */
    public record Format(String resource, String what, List<String> columns) {

        public Format {
            columns = List.copyOf(columns);
        }

        /** The lines of the bundled file. */
        public List<Line> bundled() {
            try (InputStream in = DatasetCsv.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the classpath");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The lines of a file in this format.
         *
         * @throws IllegalArgumentException when the header lacks columns or the file is not CSV
         */
        public List<Line> read(Reader csv) {
            return DatasetCsv.read(csv, what, columns);
        }
    }

    private static List<Line> read(Reader csv, String what, List<String> columns) {        CsvMapper mapper = CsvMapper.builder().build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Line> lines = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class).with(schema).readValues(csv)) {
            int number = 1;
            while (rows.hasNext()) {
                Map<String, String> fields = rows.next();
                number++;
                if (lines.isEmpty()) {
                    List<String> missing = columns.stream().filter(column -> !fields.containsKey(column)).toList();
                    if (!missing.isEmpty()) {
                        throw new IllegalArgumentException(what + " lacks the columns " + missing
                                + "; its header must be " + String.join(",", columns));
                    }
                }
                lines.add(new Line(number, fields));
            }
        } catch (JacksonException e) {
            throw new IllegalArgumentException(what + " cannot be read: " + e.getOriginalMessage(), e);
        }
        return lines;
    }
}
