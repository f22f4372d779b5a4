package org.isecg.standards.catalogue;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.web.body.ServerOwned;
import org.isecg.web.resource.MapKeys;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the standards catalogue's API. What the catalogue sets itself is declared
 * {@link ServerOwned}, so that a body sending it is refused by name (docs/api.md, "Request bodies").
 * The limits keep every accepted value a valid field of the v1 events published beside v2 (a
 * parameter's value and unit joined stay under v1's 200 characters).
 */
final class StandardRequests {

    private static final String CODE_MESSAGE = "must be 2 to 32 upper-case letters, digits or '-', starting with a letter";
    private static final String LABEL_MESSAGE =
            "must be 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit (it is a path segment)";
    private static final String PUBLISHED_MESSAGE = "must be YYYY, YYYY-MM or YYYY-MM-DD";

    private StandardRequests() {
    }

    /**
     * A new standard with its history as it happened: revisions in any status, at most one baselined.
     * A standard may also start with none and gain them one by one.
     */
    @ServerOwned({"version", "publishedAt", "updatedAt", "history", "outbox", "idempotency"})
    record PublishStandard(
            @Schema(example = "IDSS") @NotNull @Pattern(regexp = FieldPatterns.STANDARD_CODE, message = CODE_MESSAGE) String code,
            @Schema(example = "International Docking System Standard") @NotBlank @Size(max = 300) String title,
            @NotNull InterfaceDomain domain,
            @Size(max = 2000) String description,
            @NotEmpty @Size(max = 40)
            Set<@NotNull @Pattern(regexp = FieldPatterns.AGENCY_CODE, message = "must be an agency code") String> stewards,
            @Size(max = 100) List<@Valid @NotNull LoadedRevision> revisions) {

        Standard.Details details() {
            return new Standard.Details(title.strip(), domain, blankToNull(description), stewards);
        }

        List<StandardRevision> standardRevisions() {
            return revisions == null ? List.of() : revisions.stream().map(LoadedRevision::toRevision).toList();
        }
    }

    /**
     * The details of a standard, whole: its revisions are not part of them and change only through
     * their own operations, one transition at a time.
     */
    @ServerOwned({"code", "version", "revisions", "publishedAt", "updatedAt", "history", "outbox", "idempotency"})
    record ChangeDetails(
            @Schema(example = "International Docking System Standard") @NotBlank @Size(max = 300) String title,
            @NotNull InterfaceDomain domain,
            @Size(max = 2000) String description,
            @NotEmpty @Size(max = 40)
            Set<@NotNull @Pattern(regexp = FieldPatterns.AGENCY_CODE, message = "must be an agency code") String> stewards) {

        Standard.Details details() {
            return new Standard.Details(title.strip(), domain, blankToNull(description), stewards);
        }
    }

    /** A revision of a new standard's history, in the status it has reached. */
    record LoadedRevision(
            @Schema(example = "F") @NotNull @Pattern(regexp = FieldPatterns.REVISION_LABEL, message = LABEL_MESSAGE) String revision,
            @NotNull RevisionStatus status,
            @Schema(example = "2022-07") @Pattern(regexp = FieldPatterns.PUBLISHED, message = PUBLISHED_MESSAGE) String published,
            @Size(max = 30) List<@Valid @NotNull Parameter> keyParameters) {

        StandardRevision toRevision() {
            return new StandardRevision(revision, status, published, Parameter.all(keyParameters));
        }
    }

    /**
     * A revision added to a standard: always a {@code DRAFT} until it is baselined, so a status in the
     * body is refused as server-owned.
     */
    @ServerOwned("status")
    record AddRevision(
            @Schema(example = "G") @NotNull @Pattern(regexp = FieldPatterns.REVISION_LABEL, message = LABEL_MESSAGE) String revision,
            @Schema(example = "2026-01") @Pattern(regexp = FieldPatterns.PUBLISHED, message = PUBLISHED_MESSAGE) String published,
            @Size(max = 30) List<@Valid @NotNull Parameter> keyParameters) {

        StandardRevision draft() {
            return new StandardRevision(revision, RevisionStatus.DRAFT, published, Parameter.all(keyParameters));
        }
    }

    /** A key parameter: its name, its value, and its unit when the value has one. */
    record Parameter(
            @Schema(example = "passage_diameter") @NotNull @Pattern(regexp = FieldPatterns.PARAMETER_NAME, message = MapKeys.MESSAGE) String name,
            @Schema(example = "800") @NotBlank @Size(max = 150) String value,
            @Schema(example = "mm") @Size(min = 1, max = 40) @Pattern(regexp = "^\\S(.*\\S)?$",
                    message = "must not start or end with a space") String unit) {

        static List<KeyParameter> all(List<Parameter> parameters) {
            return parameters == null ? List.of()
                    : parameters.stream().map(p -> new KeyParameter(p.name(), p.value().strip(), p.unit())).toList();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
