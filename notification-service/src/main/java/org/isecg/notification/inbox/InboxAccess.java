package org.isecg.notification.inbox;

import static org.isecg.web.security.AccessRules.rule;

import org.isecg.web.security.AccessRules;
import org.isecg.web.security.Requirement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Marking an inbox entry read is an agency's own write (hub.write and an agency claim), which nobody
 * imports on its behalf; reads of overlaps and inboxes need hub.read, as everywhere (web starter).
 */
@Configuration(proxyBeanMethods = false)
class InboxAccess {

    @Bean
    AccessRules inboxAccessRules() {
        return AccessRules.of(rule(HttpMethod.POST, "/api/v1/inboxes/{agency}/entries/{entryId}/read",
                Requirement.agencyOnlyWrite()));
    }
}
