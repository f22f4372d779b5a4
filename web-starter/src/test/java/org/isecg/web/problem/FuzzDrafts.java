package org.isecg.web.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.web.resource.MapKeys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The request body of the fuzz test's controller, with a field of every kind the services' requests
 * have, and a seeded generator of bodies that must each be refused: a valid body with one field
 * replaced by JSON of the wrong kind, cut short, wrongly nested or with stray characters.
 */
final class FuzzDrafts {

    private FuzzDrafts() {
    }

    enum Destination { MOON, MARS, CISLUNAR_SPACE }

    enum Capability { LANDER, ROVER, HABITAT }

    record Draft(
            @NotBlank String title,
            @NotNull Destination destination,
            @NotEmpty Set<@NotNull Capability> capabilities,
            @NotNull LocalDate start,
            @NotNull Instant createdAt,
            @NotNull Integer crew,
            @NotNull Long budget,
            @NotNull Double mass,
            @NotNull Boolean crewed,
            @NotNull @Valid Window window,
            @NotEmpty List<@Valid @NotNull Part> parts,
            @NotNull Map<@Pattern(regexp = MapKeys.PATTERN, message = MapKeys.MESSAGE) String, @NotNull String> keyParameters,
            @NotNull Map<@Pattern(regexp = MapKeys.PATTERN, message = MapKeys.MESSAGE) String, @NotNull Integer> counts,
            @NotNull Set<@NotBlank String> partners,
            @NotNull Checked checked) {
    }

    record Window(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    record Part(@NotBlank String name, @NotNull Integer count) {
    }

    /** Refuses a negative level in its constructor, with a message no client may see. */
    record Checked(int level) {
        Checked {
            if (level < 0) {
                throw new IllegalArgumentException("secret-internal: level " + level + " rejected by Checked.<init>");
            }
        }
    }

    /** One generated body, what it was made from, and the field it must be refused for (empty: the body). */
    record Case(String name, String body, String field) {
    }

    /** JSON as a tree of raw values, so a field can be replaced by any text, valid JSON or not. */
    sealed interface Json permits Obj, Arr, Raw {
        String text();
    }

    record Obj(Map<String, Json> fields) implements Json {
        public String text() {
            return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\": " + field.getValue().text())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    record Arr(List<Json> items) implements Json {
        public String text() {
            return items.stream().map(Json::text).collect(Collectors.joining(", ", "[", "]"));
        }
    }

    record Raw(String text) implements Json {
    }

    static Obj valid() {
        return obj(
                "title", raw("\"Argonaut\""),
                "destination", raw("\"MOON\""),
                "capabilities", arr(raw("\"LANDER\""), raw("\"ROVER\"")),
                "start", raw("\"2030-01-01\""),
                "createdAt", raw("\"2024-06-01T10:00:00Z\""),
                "crew", raw("4"),
                "budget", raw("1200000000"),
                "mass", raw("1250.5"),
                "crewed", raw("true"),
                "window", obj("from", raw("\"2030-01-01\""), "to", raw("\"2031-12-31\"")),
                "parts", arr(obj("name", raw("\"lander\""), "count", raw("2"))),
                "keyParameters", obj("bus_voltage", raw("\"120 V DC\"")),
                "counts", obj("landers", raw("2")),
                "partners", arr(raw("\"ESA\"")),
                "checked", obj("level", raw("3")));
    }

    private static Raw raw(String text) {
        return new Raw(text);
    }

    /** An object of name and value pairs, in order; mutable, so that a case can replace one. */
    private static Obj obj(Object... namesAndValues) {
        Map<String, Json> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], (Json) namesAndValues[i + 1]);
        }
        return new Obj(fields);
    }

    private static Arr arr(Json... items) {
        return new Arr(new ArrayList<>(List.of(items)));
    }

    // JSON that no field of the kind accepts (Jackson coerces scalars to strings, so none of those for strings)
    private static final List<String> NOT_A_STRING = List.of("[]", "[\"a\"]", "{}", "{\"a\": \"b\"}", "[[1]]");
    private static final List<String> NOT_AN_ENUM = List.of("\"MOONN\"", "\"moon\"", "[]", "{}", "[\"MOON\"]", "true", "\"\"", "1",
            "\"1\"");
    private static final List<String> NOT_AN_ENUM_SET = List.of("\"LANDER\"", "{}", "[\"LANDERR\"]", "[[]]", "[{}]", "[null]", "true", "[0]");
    private static final List<String> NOT_A_DATE = List.of("\"2030-02-30\"", "\"tomorrow\"", "\"2030/01/01\"", "{}", "true", "\"2030-1-1\"", "20000");
    private static final List<String> NOT_AN_INSTANT = List.of("\"yesterday\"", "\"2024-06-01T25:00:00Z\"", "{}", "true", "[[]]");
    private static final List<String> NOT_AN_INT = List.of("\"abc\"", "99999999999", "-99999999999", "[]", "{}", "\"1x\"", "[1]", "1.5");
    private static final List<String> NOT_A_LONG = List.of("\"abc\"", "99999999999999999999", "[]", "{}", "\"1e5x\"", "{\"value\": 1}");
    private static final List<String> NOT_A_DOUBLE = List.of("\"abc\"", "[]", "{}", "\"1.2.3\"", "[1.5]");
    private static final List<String> NOT_A_BOOLEAN = List.of("\"maybe\"", "[]", "{}", "[true]", "\"yes\"");
    private static final List<String> NOT_AN_OBJECT = List.of("\"x\"", "5", "[]", "true", "[{}]");
    private static final List<String> NOT_A_LIST_OF_OBJECTS = List.of("{}", "\"x\"", "[5]", "[[]]", "[\"x\"]", "[null]", "[]");
    private static final List<String> NOT_A_STRING_MAP = List.of("[]", "\"x\"", "5", "{\"a.b\": \"x\"}", "{\"$where\": \"x\"}",
            "{\"\": \"x\"}", "{\"k\": []}", "{\"k\": {}}", "{\"k\": null}", "{\"1st\": \"x\"}");
    private static final List<String> NOT_AN_INT_MAP = List.of("[]", "\"x\"", "{\"k\": \"abc\"}", "{\"k\": []}",
            "{\"k\": 99999999999}", "{\"k\": null}", "{\"a.b\": 1}");
    // not ["a"]: in a collection of strings Jackson 3.1 reads a one-element array as its element, then
    // fails on the trailing token with no path, so that the problem cannot name the field (still a 400)
    private static final List<String> NOT_A_STRING_ELEMENT = List.of("[]", "{}", "{\"a\": \"b\"}", "[[1]]");
    private static final List<String> NOT_A_STRING_SET = List.of("\"ESA\"", "{}", "[[]]", "[{}]", "[null]", "[\"\"]");

    /** Every field (as a path into the body) and the JSON it refuses. */
    private static final Map<String, List<String>> WRONG = wrong();

    private static Map<String, List<String>> wrong() {
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("title", NOT_A_STRING);
        wrong.put("destination", NOT_AN_ENUM);
        wrong.put("capabilities", NOT_AN_ENUM_SET);
        wrong.put("capabilities[1]", NOT_AN_ENUM);
        wrong.put("start", NOT_A_DATE);
        wrong.put("createdAt", NOT_AN_INSTANT);
        wrong.put("crew", NOT_AN_INT);
        wrong.put("budget", NOT_A_LONG);
        wrong.put("mass", NOT_A_DOUBLE);
        wrong.put("crewed", NOT_A_BOOLEAN);
        wrong.put("window", NOT_AN_OBJECT);
        wrong.put("window.from", NOT_A_DATE);
        wrong.put("parts", NOT_A_LIST_OF_OBJECTS);
        wrong.put("parts[0]", NOT_AN_OBJECT);
        wrong.put("parts[0].name", NOT_A_STRING);
        wrong.put("parts[0].count", NOT_AN_INT);
        wrong.put("keyParameters", NOT_A_STRING_MAP);
        wrong.put("keyParameters.bus_voltage", NOT_A_STRING);
        wrong.put("counts", NOT_AN_INT_MAP);
        wrong.put("counts.landers", NOT_AN_INT);
        wrong.put("partners", NOT_A_STRING_SET);
        wrong.put("partners[0]", NOT_A_STRING_ELEMENT);
        wrong.put("checked", NOT_AN_OBJECT);
        wrong.put("checked.level", List.of("-1", "\"abc\"", "[]", "99999999999"));
        return wrong;
    }

    /** A bounded, deterministic set of bodies that must each be refused with a 400. */
    static List<Case> cases(long seed) {
        Random random = new Random(seed);
        List<Case> cases = new ArrayList<>();
        String valid = valid().text();

        WRONG.forEach((path, values) -> values.forEach(value ->
                cases.add(new Case(path + " = " + value, with(path, value), root(path)))));
        for (String field : valid().fields().keySet()) {
            cases.add(new Case(field + " = null", with(field, "null"), field));
        }
        // numbers and nesting past the parser's limits, refused by the parser before any field sees them,
        // so the problem names where reading stopped rather than the field
        for (String field : List.of("crew", "budget", "mass", "window.from")) {
            cases.add(new Case(field + " = 1500 digits", with(field, "9".repeat(1500)), ""));
            cases.add(new Case(field + " nested 2100 deep", with(field, "[".repeat(2100) + "]".repeat(2100)), ""));
        }
        cases.add(new Case("crew = 1e400000", with("crew", "1e400000"), "crew"));
        String deep = "[".repeat(2100) + "]".repeat(2100);
        cases.add(new Case("an unknown field nested 2100 deep", "{\"extra\": " + deep + ", " + valid.substring(1), ""));
        // the body as a whole of the wrong kind, or wrongly nested
        for (String whole : List.of("[" + valid + "]", "\"" + valid.replace("\"", "\\\"") + "\"", "5", "true",
                "[]", "\"draft\"", valid + " " + valid, valid + " x", "{\"draft\": " + valid + "}")) {
            cases.add(new Case("whole body " + abbreviate(whole), whole, ""));
        }
        // cut short anywhere
        for (int i = 0; i < 120; i++) {
            int at = 1 + random.nextInt(valid.length() - 1);
            cases.add(new Case("cut at " + at, valid.substring(0, at), ""));
        }
        // a structural character where it cannot be
        List<Integer> outsideStrings = outsideStrings(valid);
        String stray = "{[:x";
        for (int i = 0; i < 100; i++) {
            int at = outsideStrings.get(random.nextInt(outsideStrings.size()));
            char c = stray.charAt(random.nextInt(stray.length()));
            cases.add(new Case("'" + c + "' inserted at " + at, valid.substring(0, at) + c + valid.substring(at), ""));
        }
        return cases;
    }

    /** The body with the field at the path (e.g. {@code parts[0].count}) replaced by raw text. */
    static String with(String path, String raw) {
        Obj body = valid();
        Json node = body;
        String[] steps = path.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            if (step.startsWith("[")) {
                List<Json> items = ((Arr) node).items();
                int index = Integer.parseInt(step.substring(1, step.length() - 1));
                if (last) {
                    items.set(index, new Raw(raw));
                }
                node = items.get(index);
            } else {
                Map<String, Json> fields = ((Obj) node).fields();
                if (last) {
                    fields.put(step, new Raw(raw));
                }
                node = fields.get(step);
            }
        }
        return body.text();
    }

    /** The record property a path starts with: {@code parts[0].count} is a field of {@code parts}. */
    static String root(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    /** Positions between the first and last character that are not inside a string. */
    private static List<Integer> outsideStrings(String json) {
        List<Integer> positions = new ArrayList<>();
        boolean inString = false;
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i - 1);
            if (c == '"') {
                inString = !inString;
            }
            if (!inString) {
                positions.add(i);
            }
        }
        return positions;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
