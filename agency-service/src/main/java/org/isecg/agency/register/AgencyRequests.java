package org.isecg.agency.register;

import java.util.Set;

import org.isecg.contracts.FieldPatterns;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.web.body.ServerOwned;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The request bodies of the agency register's API. What the register sets itself is declared
 * {@link ServerOwned}, so that a body sending it is refused by name (docs/api.md, "Request bodies").
 */
final class AgencyRequests {

    private AgencyRequests() {
    }

    /** Registers an agency; it starts {@code ACTIVE} at version 1. */
    @ServerOwned({"version", "status", "registeredAt", "updatedAt", "history", "outbox", "idempotency"})
    record RegisterAgency(
            @Schema(example = "ESA") @NotNull @Pattern(regexp = FieldPatterns.AGENCY_CODE,
                    message = "must be 2 to 16 upper-case letters, digits or '-', starting with a letter") String code,
            @Schema(example = "European Space Agency") @NotBlank @Size(max = 200) String name,
            @Schema(example = "[\"FR\", \"DE\", \"IT\"]") @NotEmpty @Size(max = 60)
            Set<@NotNull @Pattern(regexp = FieldPatterns.COUNTRY_CODE, message = "must be an ISO 3166-1 alpha-2 code") String> countries,
            @NotNull AgencyKind kind,
            @NotNull Membership membership,
            @Schema(example = "2007", description = "year the agency joined ISECG; required for members") Integer memberSince,
            @Pattern(regexp = FieldPatterns.EMAIL, message = "must be an e-mail address") @Size(max = 254) String contactEmail) {

        Agency agency() {
            return new Agency(code, 1, name.strip(), countries, kind, membership, memberSince, contactEmail,
                    AgencyStatus.ACTIVE);
        }
    }

    /** Replaces an agency's entry (all but its code, which is in the path), status included. */
    @ServerOwned({"code", "version", "registeredAt", "updatedAt", "history", "outbox", "idempotency"})
    record UpdateAgency(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 60)
            Set<@NotNull @Pattern(regexp = FieldPatterns.COUNTRY_CODE, message = "must be an ISO 3166-1 alpha-2 code") String> countries,
            @NotNull AgencyKind kind,
            @NotNull Membership membership,
            Integer memberSince,
            @Pattern(regexp = FieldPatterns.EMAIL, message = "must be an e-mail address") @Size(max = 254) String contactEmail,
            @NotNull AgencyStatus status) {

        Agency agency(String code, long version) {
            return new Agency(code, version, name.strip(), countries, kind, membership, memberSince, contactEmail, status);
        }
    }
}
