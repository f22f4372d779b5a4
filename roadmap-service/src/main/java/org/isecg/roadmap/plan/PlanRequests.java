package org.isecg.roadmap.plan;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.roadmap.Capability;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.StandardRef;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The request bodies of the roadmap's API. */
final class PlanRequests {

    private PlanRequests() {
    }

    /**
     * A plan as a client sends it, whole, on creation and on every change. On a change the owner
     * may be left out; if given it must be the plan's owner, which never changes.
     *
     * @param region the area visited or, for an orbital service, the area served, e.g. {@code SOUTH_POLE}
     */
    record PlanRequest(
            @Schema(example = "ESA") @Pattern(regexp = FieldPatterns.AGENCY_CODE, message = "must be an agency code") String ownerAgency,
            @Schema(example = "Argonaut lunar lander") @NotBlank @Size(max = 200) String title,
            @Schema(example = "MOON") @NotNull Destination destination,
            @Schema(example = "SOUTH_POLE") @Pattern(regexp = FieldPatterns.REGION, message = "must be 2 to 40 upper-case letters, digits or '_'") String region,
            @Schema(example = "[\"LANDER\", \"LOGISTICS\"]") @NotEmpty Set<@NotNull Capability> capabilities,
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
    record WithdrawPlan(@NotBlank @Size(max = 500) String reason) {
    }
}
