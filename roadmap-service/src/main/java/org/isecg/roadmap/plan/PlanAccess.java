package org.isecg.roadmap.plan;

import static org.isecg.web.security.AccessRules.rule;

import org.isecg.web.security.AccessRules;
import org.isecg.web.security.Requirement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Plans are written by agencies (hub.write and an agency claim) or imported for their owners by the
 * secretariat (hub.import); reads need hub.read, as everywhere (web starter).
 */
@Configuration(proxyBeanMethods = false)
class PlanAccess {

    @Bean
    AccessRules planAccessRules() {
        Requirement agencyWrite = Requirement.agencyWrite();
        return AccessRules.of(
                rule(HttpMethod.POST, "/api/v1/plans", agencyWrite),
                rule(HttpMethod.PUT, "/api/v1/plans/{planId}", agencyWrite),
                rule(HttpMethod.POST, "/api/v1/plans/{planId}/withdrawal", agencyWrite));
    }
}
