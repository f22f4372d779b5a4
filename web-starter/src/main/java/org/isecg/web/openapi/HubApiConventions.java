package org.isecg.web.openapi;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Writes into every operation under {@code /api/v1} what the Hub's conventions make true of it, so that no
 * controller repeats it: the bearer token it needs, and the problem details it may answer. Every operation
 * may meet 400, 401, 403, 429 and 503; one with an id in its path 404; one with a body 413; one that takes
 * If-Match 412 and 428. What only some operations answer (409, 422) each declares with
 * {@code @ApiResponse}; whatever a 4xx declares, its content is made the problem detail, with an example.
 */
class HubApiConventions implements OpenApiCustomizer {

    static final String SECURITY_SCHEME = "bearerAuth";
    static final String API_PREFIX = "/api/v1/";

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(SECURITY_SCHEME, bearerScheme());
        // replaces what springdoc derives from Spring's ProblemDetail class (a "properties" map the wire never shows)
        components.addSchemas(ProblemDocumentation.PROBLEM_SCHEMA, ProblemDocumentation.problemSchema());
        components.addSchemas(ProblemDocumentation.FIELD_ERROR_SCHEMA, ProblemDocumentation.fieldErrorSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        boolean[] used = new boolean[ProblemDocumentation.ALL.size()];
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(API_PREFIX)) {
                item.readOperations().forEach(operation -> apply(path, operation, used));
            }
        });
        // only the answers some operation refers to, so that the document has no unused components
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                ProblemDocumentation.StandardResponse standard = ProblemDocumentation.ALL.get(i);
                components.addResponses(standard.name(), standard.toApiResponse());
            }
        }
    }

    private static void apply(String path, Operation operation, boolean[] used) {
        operation.setSecurity(List.of(new SecurityRequirement().addList(SECURITY_SCHEME)));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasId = path.contains("{");
        boolean hasBody = operation.getRequestBody() != null;
        boolean takesIfMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(parameter -> "header".equals(parameter.getIn()) && "If-Match".equalsIgnoreCase(parameter.getName()));
        for (int i = 0; i < ProblemDocumentation.ALL.size(); i++) {
            ProblemDocumentation.StandardResponse standard = ProblemDocumentation.ALL.get(i);
            boolean applies = switch (standard.status()) {
                case "404" -> hasId;
                case "413" -> hasBody;
                case "412", "428" -> takesIfMatch;
                default -> true;
            };
            if (applies && !responses.containsKey(standard.status())) {
                responses.addApiResponse(standard.status(), new ApiResponse().$ref(standard.ref()));
                used[i] = true;
            }
        }
        responses.forEach((status, response) -> {
            if (response.get$ref() == null && status.startsWith("4")) {
                describeAsProblem(path, Integer.parseInt(status), response);
            }
            // the Hub's response headers (Location, ETag, Retry-After, ...) are strings where not said otherwise
            if (response.getHeaders() != null) {
                response.getHeaders().values().stream()
                        .filter(header -> header.get$ref() == null && header.getSchema() == null && header.getContent() == null)
                        .forEach(header -> header.setSchema(new StringSchema()));
            }
        });
    }

    /** A 4xx an operation declares itself answers a problem detail; its example is kept if it has one. */
    private static void describeAsProblem(String path, int status, ApiResponse response) {
        MediaType declared = response.getContent() == null ? null : response.getContent().get(ProblemDocumentation.MEDIA_TYPE);
        boolean hasExample = declared != null && (declared.getExample() != null
                || (declared.getExamples() != null && !declared.getExamples().isEmpty()));
        if (hasExample) {
            declared.setSchema(new Schema<>().$ref("#/components/schemas/" + ProblemDocumentation.PROBLEM_SCHEMA));
            response.setContent(new Content().addMediaType(ProblemDocumentation.MEDIA_TYPE, declared));
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String reason = known == null ? "Client Error" : known.getReasonPhrase();
        // an instance is a URI reference, which a path template is not: /api/v1/plans/{planId} becomes .../example
        String instance = path.replaceAll("\\{[^}]*}", "example");
        Map<String, Map<String, Object>> examples = ProblemDocumentation.examplesFor(instance, status, reason,
                response.getDescription());
        response.setContent(ProblemDocumentation.content(examples));
    }

    private static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An OAuth 2.0 access token (RS256 JWT) from the Hub's token issuer, by the client "
                        + "credentials grant; on the local stack `./hub token NASA` prints one. Its scope claim "
                        + "decides what the caller may do: hub.read (every member), hub.write (the caller's own "
                        + "agency's plans and inbox), hub.secretariat (the agency register), hub.standards "
                        + "(standards), hub.import, hub.operator (docs/security.md).");
    }
}
