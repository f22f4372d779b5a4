package org.isecg.web.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.isecg.web.problem.ProblemResponses;
import org.isecg.web.problem.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The answers to a request the token does not admit, as problem details with RFC 6750's
 * {@code WWW-Authenticate} challenge (section 3): no token is a {@code 401} with {@code Bearer}
 * alone; a token that fails validation a {@code 401} with {@code error="invalid_token"}; a request
 * that carries two tokens a {@code 400} with {@code error="invalid_request"}; a valid token without
 * the needed scope a {@code 403} with {@code error="insufficient_scope"} and the {@code scope} that
 * would do.
 */
public final class TokenProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    /** The exchange attribute where a refusing rule leaves its {@link Requirement} for the 403. */
    static final String REFUSED_BY = TokenProblems.class.getName() + ".refusedBy";

    private static final Logger log = LoggerFactory.getLogger(TokenProblems.class);

    private final ProblemResponses problems;

    public TokenProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException oauth)) {
            return write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.TOKEN_REQUIRED,
                    "this request needs a bearer token from the Hub's issuer: Authorization: Bearer <token>",
                    challenge(Map.of()));
        }
        OAuth2Error error = oauth.getError();
        String detail = describe(error);
        if (BearerTokenErrorCodes.INVALID_REQUEST.equals(error.getErrorCode())) {
            return write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, detail,
                    challenge(error(BearerTokenErrorCodes.INVALID_REQUEST, detail)));
        }
        log.debug("{} {}: bearer token refused: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), error);
        return write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_TOKEN, detail,
                challenge(error(BearerTokenErrorCodes.INVALID_TOKEN, detail)));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        Requirement requirement = exchange.getAttributeOrDefault(REFUSED_BY, Requirement.nobody());
        String detail = requirement.describe();
        Map<String, String> parameters = error(BearerTokenErrorCodes.INSUFFICIENT_SCOPE, detail);
        if (!requirement.scopes().isEmpty()) {
            parameters.put("scope", String.join(" ", requirement.scopes()));
        }
        return write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.INSUFFICIENT_SCOPE, detail, challenge(parameters));
    }

    /** {@code error} first, then {@code error_description}, in the order RFC 6750's examples give them. */
    private static Map<String, String> error(String code, String description) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", code);
        parameters.put("error_description", description);
        return parameters;
    }

    /**
     * Spring Security's descriptions name the failed check ("Jwt expired at ...", "The iss claim is
     * not valid", "Signed JWT rejected: Another algorithm expected, or no matching key(s) found");
     * they name no key, host or class, so the client is told which check failed.
     */
    private static String describe(OAuth2Error error) {
        String description = error.getDescription();
        String reason = description == null || description.isBlank() ? error.getErrorCode() : description;
        return "the bearer token is not valid: " + reason.replaceFirst("^An error occurred while attempting to decode the Jwt: ", "");
    }

    /** {@code Bearer k="v", ...}; RFC 6750 allows neither {@code "} nor {@code \} in a value. */
    private static String challenge(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "Bearer";
        }
        return "Bearer " + parameters.entrySet().stream()
                .map(entry -> entry.getKey() + "=\"" + entry.getValue().replaceAll("[\"\\\\]|[^\\x20-\\x7E]", "'") + "\"")
                .collect(Collectors.joining(", "));
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String detail, String challenge) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(type));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, body, headers);
    }
}
