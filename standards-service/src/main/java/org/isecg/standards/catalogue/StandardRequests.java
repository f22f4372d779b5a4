package org.isecg.standards.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionStatus;
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
 */
final class StandardRequests {

    private StandardRequests() {
    }

    /**
     * A standard as a working group sends it, whole, on publication and on every revision. On a
     * revision the code may be left out; if given it must be the standard's.
     */
    @ServerOwned({"version", "publishedAt", "updatedAt", "history", "outbox", "idempotency"})
    record StandardRequest(
            @Schema(example = "IDSS") @Pattern(regexp = FieldPatterns.STANDARD_CODE,
                    message = "must be 2 to 32 upper-case letters, digits or '-', starting with a letter") String code,
            @Schema(example = "International Docking System Standard") @NotBlank @Size(max = 300) String title,
            @NotNull InterfaceDomain domain,
            @NotEmpty @Size(max = 40)
            Set<@NotNull @Pattern(regexp = FieldPatterns.AGENCY_CODE, message = "must be an agency code") String> stewards,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull RevisionRequest> revisions) {

        Standard standard(String code, long version) {
            return new Standard(code, version, title.strip(), domain, stewards,
                    revisions.stream().map(RevisionRequest::toRevision).toList());
        }
    }

    /**
     * One revision; {@code published} is as precise as known: {@code 2022}, {@code 2022-07} or a date.
     * The names of {@code keyParameters} follow {@link MapKeys} (e.g. {@code bus_voltage}): they become
     * field names of the stored document, where a {@code .} or a leading {@code $} means something else.
     */
    record RevisionRequest(
            @Schema(example = "F") @NotBlank @Size(max = 32) String revision,
            @NotNull RevisionStatus status,
            @Schema(example = "2022-07") @Pattern(regexp = FieldPatterns.PUBLISHED,
                    message = "must be YYYY, YYYY-MM or YYYY-MM-DD") String published,
            @Schema(example = "{\"passage_diameter\": \"800 mm\"}") @Size(max = 30)
            Map<@Pattern(regexp = MapKeys.PATTERN, message = MapKeys.MESSAGE) String, @NotNull @Size(max = 200) String> keyParameters) {

        Revision toRevision() {
            return new Revision(revision, status, published, keyParameters);
        }
    }
}
