package org.isecg.agency.register;

import java.time.Instant;
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

    /** As long as a URL a browser reliably follows (RFC 9110 §4.1 recommends at least 8000; sites stay far below). */
    static final int WEBSITE_MAX = 2048;
    static final String WEBSITE_RULE = "must be an https URL, e.g. https://www.esa.int";

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
            @Pattern(regexp = FieldPatterns.EMAIL, message = "must be an e-mail address") @Size(max = 254) String contactEmail,
            @Schema(example = "https://www.esa.int") @Size(max = WEBSITE_MAX)
            @Pattern(regexp = FieldPatterns.WEBSITE, message = WEBSITE_RULE) String website) {

        Agency agency() {
            return new Agency(code, 1, name.strip(), countries, kind, membership, memberSince, contactEmail, website,
                    AgencyStatus.ACTIVE, null, null);
        }
    }

    /**
     * Replaces an agency's entry: all but its code, which is in the path, and its status, which changes
     * only by a deactivation or a reactivation, each with an event of its own that consumers act on.
     */
    @ServerOwned({"code", "version", "status", "registeredAt", "updatedAt", "history", "outbox", "idempotency"})
    record UpdateAgency(
            @NotBlank @Size(max = 200) String name,
            @NotEmpty @Size(max = 60)
            Set<@NotNull @Pattern(regexp = FieldPatterns.COUNTRY_CODE, message = "must be an ISO 3166-1 alpha-2 code") String> countries,
            @NotNull AgencyKind kind,
            @NotNull Membership membership,
            Integer memberSince,
            @Pattern(regexp = FieldPatterns.EMAIL, message = "must be an e-mail address") @Size(max = 254) String contactEmail,
            @Schema(example = "https://www.esa.int") @Size(max = WEBSITE_MAX)
            @Pattern(regexp = FieldPatterns.WEBSITE, message = WEBSITE_RULE) String website) {

        /** The entry this replacement makes of the current one, whose status and registration it keeps. */
        Agency agency(Agency current, Instant at) {
            return new Agency(current.code(), current.version() + 1, name.strip(), countries, kind, membership, memberSince,
                    contactEmail, website, current.status(), current.registeredAt(), at);
        }
    }

    /** Deactivates or reactivates an agency; the body is optional, and so is its reason. */
    @ServerOwned({"code", "version", "status", "registeredAt", "updatedAt", "history", "outbox", "idempotency"})
    record StatusChange(
            @Schema(example = "liaison post vacant until the next plenary") @Size(max = 500)
            @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String reason) {

        /** The reason of a body that may be absent, stripped; null without one. */
        static String reasonOf(StatusChange request) {
            return request == null || request.reason() == null ? null : request.reason().strip();
        }
    }
}
