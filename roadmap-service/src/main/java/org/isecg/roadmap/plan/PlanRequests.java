package org.isecg.roadmap.plan;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.web.body.ServerOwned;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the roadmap's API. What the roadmap sets itself is declared {@link ServerOwned},
 * so that a body sending it is refused by name (docs/api.md, "Request bodies").
 */
final class PlanRequests {

    /** As many capabilities as there are: a set holds each once, so the cap only documents the limit. */
    static final int CAPABILITIES = 15;

    private PlanRequests() {
    }

    /**
     * A plan as a client sends it, whole, on creation and on every change.
     * <p>
     * The owner is the one field here that is server-owned for some callers only: an agency's plan is
     * its own, so from an agency's token the owner is the token's agency and a body naming one is
     * refused ({@code RefusedFieldsException.serverOwned("ownerAgency")}, the same answer as for the
     * names below); an import on the owner's behalf ({@code hub.import}) names it on creation, and on a
     * change may leave it out or must name the plan's owner, which never changes.
     *
     * @param region the area visited or, for an orbital service, the area served, e.g. {@code SOUTH_POLE}
     */
    @ServerOwned({"planId", "version", "withdrawn", "withdrawalReason", "createdAt", "updatedAt", "history",
            "outbox", "idempotency"})
    record PlanRequest(
            @Schema(example = "ESA", description = "Only when the secretariat imports a plan on its owner's behalf "
                    + "(hub.import): the owner. An agency's own plan leaves it out: the owner is the token's agency.")
            @Pattern(regexp = FieldPatterns.AGENCY_CODE, message = "must be an agency code") String ownerAgency,
            @Schema(example = "Argonaut lunar lander") @NotBlank @Size(max = 200) String title,
            @Schema(example = "MOON") @NotNull Destination destination,
            @Schema(example = "SOUTH_POLE") @Pattern(regexp = FieldPatterns.REGION, message = "must be 2 to 40 upper-case letters, digits or '_'") String region,
            @Schema(example = "[\"LANDER\", \"LOGISTICS\"]") @NotEmpty @Size(max = CAPABILITIES) Set<@NotNull Capability> capabilities,
            @Schema(example = "2030-01-01") @NotNull LocalDate start,
            @Schema(example = "2032-12-31") @NotNull LocalDate end,
            @NotNull PlanStatus status,
            @Size(max = 40) Set<@NotNull @Pattern(regexp = FieldPatterns.AGENCY_CODE, message = "must be an agency code") String> partners,
            @Size(max = 40) Set<@Valid @NotNull StandardRefRequest> conformsTo,
            @Size(max = 40) Set<@NotBlank @Size(max = 64) String> dependsOn) {

        RoadmapPlan plan(String planId, String ownerAgency, long version) {
            return new RoadmapPlan(planId, ownerAgency, version, title.strip(), destination, region, capabilities, start,
                    end, status, partners, conformsTo == null ? null
                            : conformsTo.stream().map(StandardRefRequest::ref).collect(Collectors.toSet()),
                    dependsOn, false);
        }
    }

    /** A standard revision a plan declares conformance to, e.g. {@code {"standard": "IDSS", "revision": "F"}}. */
    record StandardRefRequest(
            @Schema(example = "IDSS") @NotBlank @Size(max = 32) String standard,
            @Schema(example = "F") @NotBlank @Size(max = 32) String revision) {

        StandardRef ref() {
            return new StandardRef(standard, revision);
        }
    }

    /** Takes a plan off the roadmap. */
    @ServerOwned({"planId", "ownerAgency", "version", "withdrawn", "status", "updatedAt", "history"})
    record WithdrawPlan(@NotBlank @Size(max = 500) String reason) {
    }
}
