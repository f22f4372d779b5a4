package org.isecg.web.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.http.HttpMethod;

/**
 * A service's rules per endpoint: what each method and path (a Spring {@code PathPattern}) requires
 * of the token. A service declares one bean of this type; the web starter checks its rules in order,
 * the first that matches deciding, ahead of the defaults every service shares (docs/security.md,
 * "Rules per endpoint"): reads under {@code /api/} need {@link HubScopes#READ}, the operator's actuator
 * endpoints {@link HubScopes#OPERATOR}, and a write under {@code /api/} that no rule names is refused.
 *
 * <pre>{@code
 * @Bean
 * AccessRules agencyAccess() {
 *     return AccessRules.of(AccessRules.rule(HttpMethod.POST, "/api/v1/agencies", Requirement.scope(HubScopes.SECRETARIAT)));
 * }
 * }</pre>
 */
public record AccessRules(List<Rule> rules) {

    public AccessRules {
        rules = List.copyOf(rules);
    }

    public static AccessRules of(Rule... rules) {
        return new AccessRules(List.of(rules));
    }

    /** No rules of the service's own: the shared defaults alone. */
    public static AccessRules none() {
        return new AccessRules(List.of());
    }

    public static Rule rule(HttpMethod method, String pathPattern, Requirement requirement) {
        return new Rule(method, pathPattern, requirement);
    }

    /** These rules, then {@code later}'s. */
    public AccessRules then(AccessRules later) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(later.rules);
        return new AccessRules(all);
    }

    /**
     * @param method      the request's method; {@code null} for any
     * @param pathPattern e.g. {@code /api/v1/plans/{planId}/withdrawal} or {@code /actuator/**}
     */
    public record Rule(HttpMethod method, String pathPattern, Requirement requirement) {

        public Rule {
            Objects.requireNonNull(pathPattern, "pathPattern");
            Objects.requireNonNull(requirement, "requirement");
        }
    }
}
