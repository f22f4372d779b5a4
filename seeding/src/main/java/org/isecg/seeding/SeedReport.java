package org.isecg.seeding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one seeding run did, dataset by dataset and entry by entry, for the person who ran it.
 *
 * @param dryRun whether nothing was written (the outcomes are what a run would do)
 */
public record SeedReport(boolean dryRun, List<Section> sections) {

    public SeedReport {
        sections = List.copyOf(sections);
    }

    /** What became of one entry. */
    public enum Result {
        CREATED("created", "would create"),
        UNCHANGED("unchanged", "unchanged"),
        UPDATED("updated", "would update"),
        LEFT_AS_CHANGED("left as changed", "would leave as changed"),
        FAILED("failed", "failed");

        private final String done;
        private final String planned;

        Result(String done, String planned) {
            this.done = done;
            this.planned = planned;
        }

        String label(boolean dryRun) {
            return dryRun ? planned : done;
        }
    }

    /** One entry's outcome; {@code detail} says why, or what differs. */
    public record Outcome(String key, Result result, String detail) {
    }

    /** One dataset's outcomes, in the dataset's order. */
    public record Section(String dataset, List<Outcome> outcomes) {

        public Section {
            outcomes = List.copyOf(outcomes);
        }

        public long count(Result result) {
            return outcomes.stream().filter(outcome -> outcome.result() == result).count();
        }

        public List<String> keys(Result result) {
            return outcomes.stream().filter(outcome -> outcome.result() == result).map(Outcome::key).toList();
        }
    }

    /** True if any entry failed: the tool then exits non-zero. */
    public boolean failed() {
        return sections.stream().anyMatch(section -> section.count(Result.FAILED) > 0);
    }

    /** True if the run wrote nothing: every entry unchanged or left as a person changed it. */
    public boolean changedNothing() {
        return sections.stream().allMatch(section -> section.outcomes().stream().allMatch(outcome ->
                outcome.result() == Result.UNCHANGED || outcome.result() == Result.LEFT_AS_CHANGED));
    }

    public Section section(String dataset) {
        return sections.stream().filter(section -> section.dataset().equals(dataset)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dataset " + dataset + " in this report"));
    }

    /** One line of counts per dataset, e.g. {@code agencies: 29 entries, 29 created, 0 unchanged, ...}. */
    public String summary() {
        return render().lines().filter(line -> !line.startsWith("  ")).reduce((a, b) -> a + "; " + b).orElse("nothing to seed");
    }

    /** A line per entry that was or would be written, left alone or failed, then one line of counts per dataset. */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            for (Outcome outcome : section.outcomes()) {
                if (outcome.result() != Result.UNCHANGED) {
                    text.append(String.format(Locale.ROOT, "  %-22s %s %s%s%n", outcome.result().label(dryRun),
                            section.dataset(), outcome.key(), outcome.detail().isEmpty() ? "" : ": " + outcome.detail()));
                }
            }
            Map<Result, Long> counts = new EnumMap<>(Result.class);
            for (Result result : Result.values()) {
                counts.put(result, section.count(result));
            }
            List<String> parts = new ArrayList<>();
            counts.forEach((result, count) -> parts.add(count + " " + result.label(dryRun)));
            int size = section.outcomes().size();
            text.append(String.format(Locale.ROOT, "%s%s: %d %s, %s%n", dryRun ? "(dry run) " : "",
                    section.dataset(), size, size == 1 ? "entry" : "entries", String.join(", ", parts)));
        }
        return text.toString();
    }
}
