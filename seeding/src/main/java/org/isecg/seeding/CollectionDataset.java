package org.isecg.seeding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.isecg.seeding.SeedReport.Outcome;
import org.isecg.seeding.SeedReport.Result;
import org.isecg.seeding.api.ApiResponse;
import org.isecg.seeding.api.HttpSettings;
import org.isecg.seeding.api.HubApi;
import org.isecg.seeding.api.HubApiException;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset that goes into one collection of the API ({@code /api/v1/agencies}, {@code /api/v1/standards}):
 * the whole collection read once, page by page; then for each entry the decision of the dataset's
 * {@link EntryRules}, carried out. A create carries an {@code Idempotency-Key} derived from its body, so that a
 * create retried after a lost answer creates once; every other write carries the version it follows in {@code If-Match}, so that it
 * never overwrites a change made in between. A create that meets an existing key ({@code 409}) or a write that
 * meets a newer version ({@code 412}) is decided once more from a fresh read.
 *
 * @param <E> an entry of the dataset
 */
public final class CollectionDataset<E> implements Dataset {

    private static final int PAGE_SIZE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String dataset;
    private final String path;
    private final List<E> rows;
    private final EntryRules<E> entries;
    private final Predicate<ApiResponse> notYet;

    /**
     * @param dataset its name on the command line and in the report
     * @param path    the collection, e.g. {@code /api/v1/agencies}
     * @param notYet  a refusal that a moment later may be an acceptance (a replica of the deployment that has not
     *                caught up yet): tried again with back-off for {@link HttpSettings#replicaLag()}, then reported
     */
    public CollectionDataset(String dataset, String path, List<E> rows, EntryRules<E> entries, Predicate<ApiResponse> notYet) {
        this.dataset = dataset;
        this.path = path;
        this.rows = List.copyOf(rows);
        this.entries = entries;
        this.notYet = notYet;
    }

    @Override
    public String name() {
        return dataset;
    }

    /** Brings every entry in line where no person changed it, and says what became of each, in the dataset's order. */
    @Override
    public SeedReport.Section seed(HubApi api, String seedingClient, boolean dryRun) {
        Map<String, JsonNode> current = listAll(api);
        List<Outcome> outcomes = new ArrayList<>();
        for (E row : rows) {
            String key = entries.key(row);
            Outcome outcome;
            try {
                Decision decision = entries.decide(row, current.get(key), () -> history(api, key), seedingClient);
                outcome = dryRun ? planned(decision) : apply(api, row, decision, seedingClient, true);
            } catch (HubApiException e) {
                outcome = new Outcome(key, Result.FAILED, e.getMessage());
            }
            outcomes.add(outcome);
        }
        return new SeedReport.Section(dataset, outcomes);
    }

    private Outcome apply(HubApi api, E row, Decision decision, String seedingClient, boolean mayRedecide) {
        String key = entries.key(row);
        if (decision instanceof Decision.Create create) {
            ApiResponse answer = patiently(api, () -> api.post(path, create.body(),
                    Map.of("Idempotency-Key", idempotencyKey(dataset, key, create.body()))));
            if (answer.status() == 201) {
                return new Outcome(key, Result.CREATED, "");
            }
            if (answer.status() == 409 && mayRedecide) {
                // created by someone else since the collection was read
                return apply(api, row, redecide(api, row, seedingClient), seedingClient, false);
            }
            return failed(key, "POST", answer);
        }
        if (decision instanceof Decision.Update update) {
            String version = update.ifMatch();
            for (Decision.Write write : update.writes()) {
                String target = itemPath(key) + write.path();
                String ifMatch = version;
                ApiResponse answer = patiently(api, () -> write.method().equals("PUT") ? api.put(target, ifMatch, write.body())
                        : api.post(target, write.body(), Map.of("If-Match", ifMatch)));
                if (answer.status() == 412 && mayRedecide) {
                    // changed since it was read: by a person, or by this very write whose answer was lost
                    return apply(api, row, redecide(api, row, seedingClient), seedingClient, false);
                }
                if (answer.status() / 100 != 2) {
                    return failed(key, write.method() + (write.path().isEmpty() ? "" : " " + write.path()), answer);
                }
                version = answer.etag().orElse("\"" + answer.body().path("version").asLong() + "\"");
            }
            return new Outcome(key, Result.UPDATED, describe(update.differences()));
        }
        return planned(decision);
    }

    /** The outcome of a decision that writes nothing, or of what a decision would write, in a dry run. */
    private static Outcome planned(Decision decision) {
        if (decision instanceof Decision.Create) {
            return new Outcome(decision.key(), Result.CREATED, "");
        }
        if (decision instanceof Decision.Update update) {
            return new Outcome(update.key(), Result.UPDATED, describe(update.differences()));
        }
        if (decision instanceof Decision.LeaveAsChanged left) {
            return new Outcome(left.key(), Result.LEFT_AS_CHANGED, "changed by "
                    + (left.changedBy().isEmpty() ? "no one known (no history)" : String.join(", ", left.changedBy()))
                    + "; " + describe(left.differences()));
        }
        if (decision instanceof Decision.Unreachable unreachable) {
            return new Outcome(unreachable.key(), Result.LEFT_AS_CHANGED, "written only by seeding, but not to be "
                    + "brought in line without undoing what happened; " + describe(unreachable.differences()));
        }
        return new Outcome(decision.key(), Result.UNCHANGED, "");
    }

    /**
     * The answer, tried again while it is a refusal that may not last, with the HTTP back-off, for as long as the
     * settings' replica lag; then the last answer.
     */
    private ApiResponse patiently(HubApi api, Supplier<ApiResponse> request) {
        HttpSettings settings = api.settings();
        long deadline = System.nanoTime() + settings.replicaLag().toNanos();
        IntervalBiFunction<ApiResponse> pause = (attempt, outcome) -> {
            long backoff = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            return Math.max(1, Math.min(Math.min(backoff, settings.maxBackoff().toMillis()), left));
        };
        RetryConfig config = RetryConfig.<ApiResponse>custom()
                .maxAttempts(Integer.MAX_VALUE)
                .retryOnResult(answer -> notYet.test(answer) && System.nanoTime() < deadline)
                // the HTTP layer has already tried what failed to answer; its exceptions end the entry
                .retryOnException(e -> false)
                .intervalBiFunction(pause)
                .build();
        return Retry.of(dataset + "-not-yet", config).executeSupplier(request);
    }

    /**
     * A create's {@code Idempotency-Key} derived from what it sends: the same body always gives the same key,
     * another body another, so that a run after the dataset changed is not answered with an old create.
     */
    public static String idempotencyKey(String dataset, String key, JsonNode body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            return "seed-" + dataset + "-" + key + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Decision redecide(HubApi api, E row, String seedingClient) {
        String key = entries.key(row);
        ApiResponse answer = api.get(itemPath(key));
        if (answer.status() != 200 && answer.status() != 404) {
            throw new HubApiException("GET " + itemPath(key) + ": " + answer.describe());
        }
        return entries.decide(row, answer.status() == 404 ? null : answer.body(), () -> history(api, key), seedingClient);
    }

    private JsonNode history(HubApi api, String key) {
        ApiResponse answer = api.get(itemPath(key) + "/history");
        if (answer.status() != 200) {
            throw new HubApiException("GET " + itemPath(key) + "/history: " + answer.describe());
        }
        return answer.body();
    }

    /** Every entry of the collection, by its code, page after page. */
    private Map<String, JsonNode> listAll(HubApi api) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        String pageToken = null;
        do {
            String page = path + "?pageSize=" + PAGE_SIZE + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
            ApiResponse answer = api.get(page);
            if (answer.status() != 200) {
                throw new HubApiException("GET " + page + ": " + answer.describe());
            }
            answer.body().path("items").forEach(item -> found.put(item.path("code").asString(), item));
            JsonNode next = answer.body().path("nextPageToken");
            pageToken = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
        } while (pageToken != null);
        return found;
    }

    private String itemPath(String key) {
        return path + "/" + encode(key);
    }

    private static Outcome failed(String key, String request, ApiResponse answer) {
        return new Outcome(key, Result.FAILED, request + " answered " + answer.describe());
    }

    private static String describe(List<FieldDifference> differences) {
        return differences.stream().map(FieldDifference::toString).collect(Collectors.joining("; "));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
