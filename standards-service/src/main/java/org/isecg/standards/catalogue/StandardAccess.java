package org.isecg.standards.catalogue;

import static org.isecg.web.security.AccessRules.rule;

import org.isecg.web.security.AccessRules;
import org.isecg.web.security.HubScopes;
import org.isecg.web.security.Requirement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Only the standards board publishes standards and changes them; reads need hub.read, as everywhere (web starter). */
@Configuration(proxyBeanMethods = false)
class StandardAccess {

    @Bean
    AccessRules standardAccessRules() {
        Requirement standardsBoard = Requirement.scope(HubScopes.STANDARDS);
        return AccessRules.of(
                rule(HttpMethod.POST, "/api/v1/standards", standardsBoard),
                rule(HttpMethod.PUT, "/api/v1/standards/{code}", standardsBoard),
                rule(HttpMethod.POST, "/api/v1/standards/{code}/revisions", standardsBoard),
                rule(HttpMethod.POST, "/api/v1/standards/{code}/revisions/{revision}/baseline", standardsBoard),
                rule(HttpMethod.POST, "/api/v1/standards/{code}/revisions/{revision}/retirement", standardsBoard));
    }
}
