package org.isecg.seeding.agencies;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.isecg.seeding.Dataset;
import org.isecg.seeding.Decision;
import org.isecg.seeding.FieldDifference;
import org.isecg.seeding.SeedReport;
import org.isecg.seeding.SeedReport.Outcome;
import org.isecg.seeding.SeedReport.Result;
import org.isecg.seeding.api.ApiResponse;
import org.isecg.seeding.api.HubApi;
import org.isecg.seeding.api.HubApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agency register's dataset through {@code /api/v1/agencies}: reads the whole register once, then for
 * each row creates, updates or leaves the entry as {@link AgencyDecisions} decides. A create carries an
 * {@code Idempotency-Key} derived from the row, so that a create retried after a lost answer registers
 * once; a change carries the version read in {@code If-Match}, so that it never overwrites a change made
 * in between. A create that meets an existing code ({@code 409}) or a change that meets a newer version
 * ({@code 412}) is decided once more from a fresh read.
 */
public final class AgencySeeding implements Dataset {

    static final String PATH = "/api/v1/agencies";
    private static final int PAGE_SIZE = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<AgencyRow> rows;

    public AgencySeeding(List<AgencyRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The bundled register data. */
    public static AgencySeeding bundled() {
        return new AgencySeeding(AgencyDataset.bundled());
    }

    @Override
    public String name() {
        return "agencies";
    }

    @Override
    public SeedReport.Section seed(HubApi api, String seedingClient, boolean dryRun) {
        Map<String, JsonNode> register = listAll(api);
        List<Outcome> outcomes = new ArrayList<>();
        for (AgencyRow row : rows) {
            Outcome outcome;
            try {
                Decision decision = AgencyDecisions.decide(row, register.get(row.code()), () -> history(api, row.code()),
                        seedingClient);
                outcome = dryRun ? planned(decision) : apply(api, row, decision, seedingClient, true);
            } catch (HubApiException e) {
                outcome = new Outcome(row.code(), Result.FAILED, e.getMessage());
            }
            outcomes.add(outcome);
        }
        return new SeedReport.Section(name(), outcomes);
    }

    /** The Idempotency-Key of the row's create: the same row always gives the same key, another row another. */
    static String idempotencyKey(AgencyRow row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSON.writeValueAsString(row.registration()).getBytes(StandardCharsets.UTF_8));
            return "seed-agencies-" + row.code() + "-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Outcome apply(HubApi api, AgencyRow row, Decision decision, String seedingClient, boolean mayRedecide) {
        if (decision instanceof Decision.Create create) {
            ApiResponse answer = api.post(PATH, create.body(), Map.of("Idempotency-Key", idempotencyKey(row)));
            if (answer.status() == 201) {
                return new Outcome(row.code(), Result.CREATED, "");
            }
            if (answer.status() == 409 && mayRedecide) {
                // registered by someone else since the register was read
                return apply(api, row, redecide(api, row, seedingClient), seedingClient, false);
            }
            return failed(row, "POST", answer);
        }
        if (decision instanceof Decision.Update update) {
            ApiResponse answer = api.put(PATH + "/" + encode(row.code()), update.ifMatch(), update.body());
            if (answer.status() == 200) {
                return new Outcome(row.code(), Result.UPDATED, describe(update.differences()));
            }
            if (answer.status() == 412 && mayRedecide) {
                // changed since it was read: by a person, or by this very change whose answer was lost
                return apply(api, row, redecide(api, row, seedingClient), seedingClient, false);
            }
            return failed(row, "PUT", answer);
        }
        return planned(decision);
    }

    /** The outcome of a decision that writes nothing, or would write, in a dry run. */
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
        return new Outcome(decision.key(), Result.UNCHANGED, "");
    }

    private Decision redecide(HubApi api, AgencyRow row, String seedingClient) {
        ApiResponse current = api.get(PATH + "/" + encode(row.code()));
        if (current.status() != 200 && current.status() != 404) {
            throw new HubApiException("GET " + PATH + "/" + row.code() + ": " + current.describe());
        }
        return AgencyDecisions.decide(row, current.status() == 404 ? null : current.body(),
                () -> history(api, row.code()), seedingClient);
    }

    private static JsonNode history(HubApi api, String code) {
        ApiResponse answer = api.get(PATH + "/" + encode(code) + "/history");
        if (answer.status() != 200) {
            throw new HubApiException("GET " + PATH + "/" + code + "/history: " + answer.describe());
        }
        return answer.body();
    }

    /** Every entry of the register, by code, page after page. */
    private static Map<String, JsonNode> listAll(HubApi api) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        String pageToken = null;
        do {
            String path = PATH + "?pageSize=" + PAGE_SIZE + (pageToken == null ? "" : "&pageToken=" + encode(pageToken));
            ApiResponse page = api.get(path);
            if (page.status() != 200) {
                throw new HubApiException("GET " + path + ": " + page.describe());
            }
            page.body().path("items").forEach(item -> entries.put(item.path("code").asString(), item));
            JsonNode next = page.body().path("nextPageToken");
            pageToken = next.isString() && !next.asString().isEmpty() ? next.asString() : null;
        } while (pageToken != null);
        return entries;
    }

    private static Outcome failed(AgencyRow row, String method, ApiResponse answer) {
        return new Outcome(row.code(), Result.FAILED, method + " answered " + answer.describe());
    }

    private static String describe(List<FieldDifference> differences) {
        return differences.stream().map(FieldDifference::toString).collect(Collectors.joining("; "));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
