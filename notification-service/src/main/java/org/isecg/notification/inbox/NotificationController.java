package org.isecg.notification.inbox;

import org.isecg.web.body.NoBody;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.isecg.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

/**
 * The caller's own notifications: the inbox of the agency its token names, never one the request names
 * (OWASP API1). {@link InboxAccess} admits only agency tokens here.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "notifications", description = "The caller's agency's notifications of overlaps that involve it")
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(operationId = "listNotifications", summary = "List the caller's notifications, newest first, a page at a time",
            description = "The inbox of the agency the token names (its agency claim); a token of no agency is refused.")
    Mono<Page<Notification>> list(@Parameter(hidden = true) Caller caller,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return inbox.page(agencyOf(caller), unreadOnly, PageRequest.of(pageSize, pageToken));
    }

    @PostMapping("/{entryId}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of the caller's notifications read",
            description = "Takes no body; one with fields is refused. Another agency's notification is not found, "
                    + "as one that does not exist.")
    Mono<ResponseEntity<Void>> markRead(@Parameter(hidden = true) Caller caller, @PathVariable String entryId,
            @RequestBody(required = false) NoBody none) {
        return inbox.markRead(agencyOf(caller), entryId).thenReturn(ResponseEntity.noContent().build());
    }

    /** The access rules let only agency tokens in; a request without one here is a broken rule, not a client's error. */
    private static String agencyOf(Caller caller) {
        return caller.agency().orElseThrow(() -> new IllegalStateException("notifications reached without an agency token"));
    }
}
