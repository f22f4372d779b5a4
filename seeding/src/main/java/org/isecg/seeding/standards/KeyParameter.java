package org.isecg.seeding.standards;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One key parameter of a revision, as the catalogue holds it.
 *
 * @param value the value as text: a number ({@code 800}), a range ({@code 2483.5-2500}), a word
 *              ({@code true}, {@code UTC}) or a phrase ({@code UMIC to 120 V DC})
 * @param unit  the unit of the value ({@code mm}, {@code V DC}); {@code null} for a value that has none
 */
public record KeyParameter(String name, String value, String unit) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // name as MapKeys.PATTERN; a value without brackets; an optional unit in brackets after one blank
    private static final Pattern TEXT = Pattern.compile(
            "(?<name>[A-Za-z][A-Za-z0-9_-]{0,63})=(?<value>[^\\[\\]=]*[^\\[\\]=\\s])(?: \\[(?<unit>[^\\[\\]]*[^\\[\\]\\s])\\])?");

    public KeyParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The dataset's form, {@code name=value} or {@code name=value [unit]}: the unit is what stands in brackets,
     * never guessed from the value; empty if the text is not of that form.
     */
    public static Optional<KeyParameter> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new KeyParameter(matcher.group("name"), matcher.group("value").strip(), matcher.group("unit")));
    }

    /** {@code {"name": ..., "value": ...}}, with {@code "unit"} only where there is one, as the API takes it. */
    public ObjectNode json() {
        ObjectNode node = JSON.createObjectNode().put("name", name).put("value", value);
        if (unit != null) {
            node.put("unit", unit);
        }
        return node;
    }
}
