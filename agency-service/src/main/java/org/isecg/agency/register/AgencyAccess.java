package org.isecg.agency.register;

import static org.isecg.web.security.AccessRules.rule;

import org.isecg.web.security.AccessRules;
import org.isecg.web.security.HubScopes;
import org.isecg.web.security.Requirement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Only the secretariat registers, changes, deactivates and reactivates agencies; reads need hub.read, as everywhere (web starter). */
@Configuration(proxyBeanMethods = false)
class AgencyAccess {

    @Bean
    AccessRules agencyAccessRules() {
        Requirement secretariat = Requirement.scope(HubScopes.SECRETARIAT);
        return AccessRules.of(
                rule(HttpMethod.POST, "/api/v1/agencies", secretariat),
                rule(HttpMethod.PUT, "/api/v1/agencies/{code}", secretariat),
                rule(HttpMethod.POST, "/api/v1/agencies/{code}/deactivation", secretariat),
                rule(HttpMethod.POST, "/api/v1/agencies/{code}/reactivation", secretariat));
    }
}
