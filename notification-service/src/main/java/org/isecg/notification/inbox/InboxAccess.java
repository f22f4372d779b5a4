package org.isecg.notification.inbox;

import static org.isecg.web.security.AccessRules.rule;

import org.isecg.web.security.AccessRules;
import org.isecg.web.security.Requirement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Notifications are an agency's own: reading them needs hub.read with an agency claim, whose inbox is
 * the one read; marking one read is an agency's own write (hub.write and an agency claim), which nobody
 * imports on its behalf. Tokens of no agency (secretariat, standards board, operators) have no inbox.
 * Overlaps are the shared picture: hub.read, as everywhere (web starter).
 */
@Configuration(proxyBeanMethods = false)
class InboxAccess {

    @Bean
    AccessRules inboxAccessRules() {
        return AccessRules.of(
                rule(HttpMethod.POST, "/api/v1/notifications/{entryId}/read", Requirement.agencyOnlyWrite()),
                rule(HttpMethod.GET, "/api/v1/notifications/**", Requirement.agencyRead()),
                rule(HttpMethod.HEAD, "/api/v1/notifications/**", Requirement.agencyRead()));
    }
}
