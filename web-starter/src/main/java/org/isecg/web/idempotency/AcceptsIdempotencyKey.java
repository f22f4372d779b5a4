package org.isecg.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.ProblemDetail;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * Documents, on a create operation, the {@code Idempotency-Key} header and the two answers it adds
 * ({@code 409}, {@code 422}). The operation itself honours the key through the events starter's
 * {@code IdempotentCreates}; this only describes it in the OpenAPI document.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameter(in = ParameterIn.HEADER, name = IdempotencyKey.HEADER, required = false,
        description = "Makes the create safe to retry (IETF draft \"The Idempotency-Key HTTP Header Field\"): a "
                + "structured-field string of 1 to 255 printable ASCII characters, best a random UUID. A retry with the "
                + "same key and the same body gets the first response (status, Location, ETag and body, even if the "
                + "resource changed since) and creates nothing. Keys are unique per caller and are honoured as long "
                + "as the created resource exists, which is at least 24 hours; a request that failed stored nothing, "
                + "so its retry is processed anew. Without the header the create behaves as without keys.",
        schema = @Schema(type = "string", example = "\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
@ApiResponse(responseCode = "409",
        description = "A request with the same Idempotency-Key is still being processed (problem type "
                + "/problems/idempotency-key-in-flight), or the resource already exists (/problems/conflict)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422",
        description = "The Idempotency-Key was already used for a different request (/problems/idempotency-key-reused), "
                + "or the request breaks a rule (/problems/rule-violation)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public @interface AcceptsIdempotencyKey {
}
