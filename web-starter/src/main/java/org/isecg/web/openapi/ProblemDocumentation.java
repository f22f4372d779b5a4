package org.isecg.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * How the Hub's errors look in its OpenAPI documents: the RFC 9457 problem detail as the web starter's
 * {@code ProblemDetailsHandler} (and the gateway) write it, and the answers that every operation, or every
 * operation of a kind, may give, each with an example. docs/api.md lists the problem types.
 */
final class ProblemDocumentation {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;

    /** A standard answer: its component name, status, description, headers and examples by name. */
    record StandardResponse(String name, String status, String description, Map<String, Header> headers,
            Map<String, Map<String, Object>> examples) {

        String ref() {
            return "#/components/responses/" + name;
        }

        ApiResponse toApiResponse() {
            ApiResponse response = new ApiResponse().description(description).content(content(examples));
            headers.forEach(response::addHeaderObject);
            return response;
        }
    }

    static final StandardResponse BAD_REQUEST = new StandardResponse("BadRequest", "400",
            "The request is malformed, has invalid fields (/problems/validation, /problems/invalid-request), or "
                    + "sets fields it does not take or the server owns (/problems/refused-fields); errors names each "
                    + "field, query parameter or header at fault",
            Map.of(), examples(
                    "validation", problem("/problems/validation", "Bad Request", 400,
                            "the request has invalid fields: title", "/api/v1/plans",
                            List.of(Map.of("field", "title", "message", "must not be blank"))),
                    "invalid-request", problem("/problems/invalid-request", "Bad Request", 400,
                            "'VENUS' is not one of [LOW_EARTH_ORBIT, CISLUNAR_SPACE, MOON, MARS, MARTIAN_MOONS, "
                                    + "NEAR_EARTH_OBJECT]", "/api/v1/plans",
                            List.of(Map.of("field", "destination", "message", "'VENUS' is not one of [LOW_EARTH_ORBIT, "
                                    + "CISLUNAR_SPACE, MOON, MARS, MARTIAN_MOONS, NEAR_EARTH_OBJECT]"))),
                    "refused-fields", refused(problem("/problems/refused-fields", "Bad Request", 400,
                            "the request sets fields that are server-owned (version) and fields it does not take "
                                    + "(approved); leave them out", "/api/v1/plans",
                            List.of(Map.of("field", "version", "message", "is server-owned: the service sets it, "
                                            + "a request may not"),
                                    Map.of("field", "approved", "message", "is not a field of this request"))),
                            List.of("version", "approved"))));

    static final StandardResponse UNAUTHORIZED = new StandardResponse("Unauthorized", "401",
            "No bearer token, or one that is malformed, expired, not yet valid, not signed by the Hub's issuer or "
                    + "not for the Hub (RFC 6750)",
            Map.of("WWW-Authenticate", header("The bearer challenge, with error=\"invalid_token\" for a token that "
                    + "failed validation", "Bearer error=\"invalid_token\", error_description=\"the token expired\"")),
            examples(
                    "no-token", problem("/problems/token-required", "Unauthorized", 401,
                            "the request needs a bearer token", "/api/v1/plans", null),
                    "invalid-token", problem("/problems/invalid-token", "Unauthorized", 401,
                            "the token expired", "/api/v1/plans", null)));

    static final StandardResponse FORBIDDEN = new StandardResponse("Forbidden", "403",
            "The token lacks the scope or agency the operation needs (/problems/insufficient-scope), the record "
                    + "belongs to another agency (/problems/not-owner), or a browser page's origin is not allowed "
                    + "to call the API",
            Map.of("WWW-Authenticate", header("The bearer challenge naming the scope needed",
                    "Bearer error=\"insufficient_scope\", scope=\"hub.write\"")),
            examples("insufficient-scope", problem("/problems/insufficient-scope", "Forbidden", 403,
                    "the operation needs scope hub.write", "/api/v1/plans", null),
                    "not-owner", problem("/problems/not-owner", "Forbidden", 403,
                    "plan 'pln-0001' is owned by NASA; only its owner changes it", "/api/v1/plans/pln-0001", null)));

    static final StandardResponse NOT_FOUND = new StandardResponse("NotFound", "404",
            "Nothing exists at the id in the path (/problems/not-found)",
            Map.of(), examples("not-found", problem("/problems/not-found", "Not Found", 404,
                    "no plan 'pln-0001' exists", "/api/v1/plans/pln-0001", null)));

    static final StandardResponse PRECONDITION_FAILED = new StandardResponse("PreconditionFailed", "412",
            "If-Match names no current version of the resource (/problems/version-mismatch); the detail gives the "
                    + "current one: read it again and reapply the change",
            Map.of(), examples("version-mismatch", problem("/problems/version-mismatch", "Precondition Failed", 412,
                    "the plan is at version 4, not 3", "/api/v1/plans/pln-0001", null)));

    static final StandardResponse PRECONDITION_REQUIRED = new StandardResponse("PreconditionRequired", "428",
            "The change needs If-Match with the version it is based on: the ETag read, a list of them, or * "
                    + "(/problems/version-required)",
            Map.of(), examples("version-required", problem("/problems/version-required", "Precondition Required",
                    428, "changing a plan needs If-Match with the version read (its ETag)", "/api/v1/plans/pln-0001",
                    null)));

    static final StandardResponse CONTENT_TOO_LARGE = new StandardResponse("ContentTooLarge", "413",
            "The request body is over the gateway's limit, which the detail names",
            Map.of(), examples("too-large", problem("about:blank", "Payload Too Large", 413,
                    "the request body is over the limit of 1048576 bytes", "/api/v1/plans", null)));

    static final StandardResponse TOO_MANY_REQUESTS = new StandardResponse("TooManyRequests", "429",
            "The client is over its rate limit at the gateway (/problems/rate-limited)",
            Map.of("Retry-After", header("Whole seconds until the client's next request is taken", 1)),
            examples("rate-limited", problem("/problems/rate-limited", "Too Many Requests", 429,
                    "too many requests from this client; retry after 1 s", "/api/v1/plans", null)));

    static final StandardResponse SERVICE_UNAVAILABLE = new StandardResponse("ServiceUnavailable", "503",
            "The gateway got no answer from the service: it is down, did not answer in time (the request may have "
                    + "been carried out: retry with the same Idempotency-Key or If-Match) or its circuit breaker is "
                    + "open (/problems/service-unavailable)",
            Map.of("Retry-After", header("Seconds until the service is worth asking again", 10)),
            examples("service-unavailable", problem("/problems/service-unavailable", "Service Unavailable", 503,
                    "the service did not answer within 5000 ms; the request may have been carried out",
                    "/api/v1/plans", null)));

    /** Every standard answer, in the order of their status codes. */
    static final List<StandardResponse> ALL = List.of(BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND,
            PRECONDITION_FAILED, CONTENT_TOO_LARGE, PRECONDITION_REQUIRED, TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE);

    private ProblemDocumentation() {
    }

    /** The problem detail: RFC 9457's members, and the Hub's {@code errors} and {@code correlationId}. */
    @SuppressWarnings("rawtypes")
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri-reference")
                .description("Names the kind of problem; relative to the API's base (docs/api.md lists them)")
                .example("/problems/not-found"));
        properties.put("title", new StringSchema().description("A short summary of the kind of problem")
                .example("Not Found"));
        properties.put("status", new IntegerSchema().format("int32").minimum(java.math.BigDecimal.valueOf(100))
                .maximum(java.math.BigDecimal.valueOf(599)).description("The HTTP status code").example(404));
        properties.put("detail", new StringSchema().description("What went wrong with this request, in words a "
                + "client developer can act on").example("no plan 'pln-0001' exists"));
        properties.put("instance", new StringSchema().format("uri-reference").description("The path requested")
                .example("/api/v1/plans/pln-0001"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA))
                .description("The fields, query parameters or headers at fault, where any were"));
        properties.put("fields", new ArraySchema().items(new StringSchema())
                .description("On /problems/refused-fields: every field of the body that was refused, by its path"));
        properties.put("correlationId", new StringSchema().description("On a 500: the trace id to quote when "
                + "reporting it, as in X-Correlation-Id").example("4bf92f3577b34da6a3ce929d0e0e4736"));
        return new ObjectSchema().description("An RFC 9457 problem detail")
                .required(List.of("type", "title", "status"))
                .properties(properties);
    }

    @SuppressWarnings("rawtypes")
    static Schema<?> fieldErrorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("field", new StringSchema().description("A path into the request (window.start, "
                + "revisions[0].published, keyParameters[bus_voltage], stewards[]) or a parameter's or header's name")
                .example("window.start"));
        properties.put("message", new StringSchema().description("Why the value was refused").example("must not be null"));
        return new ObjectSchema().description("One field whose value was refused, and why")
                .required(List.of("field", "message")).properties(properties);
    }

    /** The problem content for an answer that has none of its own: the schema and a generic example. */
    static Content content(Map<String, Map<String, Object>> examples) {
        MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
        examples.forEach((name, value) -> media.addExamples(name, new Example().value(value)));
        return new Content().addMediaType(MEDIA_TYPE, media);
    }

    /**
     * Examples for a 4xx that an operation declares itself (409, 422, ...): the Hub's problem of that status,
     * or {@code about:blank} with the status's reason phrase where the Hub has none.
     */
    static Map<String, Map<String, Object>> examplesFor(String path, int status, String reasonPhrase, String description) {
        return switch (status) {
            case 409 -> examples("conflict", problem("/problems/conflict", reasonPhrase, status,
                    "a resource with that identity already exists", path, null));
            case 422 -> examples("rule-violation", problem("/problems/rule-violation", reasonPhrase, status,
                    "end must not be before start (2030-06-01)", path,
                    List.of(Map.of("field", "end", "message", "must not be before start (2030-06-01)"))));
            default -> examples("problem", problem("about:blank", reasonPhrase, status, description, path, null));
        };
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail, String instance,
            List<Map<String, String>> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        if (errors != null) {
            problem.put("errors", errors);
        }
        return problem;
    }

    private static Map<String, Object> refused(Map<String, Object> problem, List<String> fields) {
        problem.put("fields", fields);
        return problem;
    }

    private static Map<String, Map<String, Object>> examples(Object... namesAndValues) {
        Map<String, Map<String, Object>> examples = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> value = (Map<String, Object>) namesAndValues[i + 1];
            examples.put((String) namesAndValues[i], value);
        }
        return examples;
    }

    private static Header header(String description, Object example) {
        Schema<?> schema = example instanceof Integer ? new IntegerSchema() : new StringSchema();
        return new Header().description(description).schema(schema).example(example);
    }
}
