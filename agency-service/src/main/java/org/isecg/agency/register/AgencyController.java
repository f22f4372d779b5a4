package org.isecg.agency.register;

import java.net.URI;

import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.Membership;
import org.isecg.events.outbox.Actor;
import org.isecg.events.outbox.History;
import org.isecg.events.web.IdempotentCreates;
import org.isecg.web.idempotency.AcceptsIdempotencyKey;
import org.isecg.web.resource.Page;
import org.isecg.web.resource.PageRequest;
import org.isecg.web.resource.Versions;
import org.isecg.web.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** The agency register's API. Entries carry their version as ETag; a change must name it in If-Match. */
@RestController
@Validated
@RequestMapping("/api/v1/agencies")
@Tag(name = "agencies", description = "The ISECG agency register")
class AgencyController {

    private final AgencyRegister register;
    private final AgencyWrites writes;
    private final IdempotentCreates.Endpoint<Agency> registrations;

    AgencyController(AgencyRegister register, AgencyWrites writes, IdempotentCreates creates) {
        this.register = register;
        this.writes = writes;
        this.registrations = creates.endpoint(AgencyDocument.class, Agency.class, AgencyController::registered);
    }

    @PostMapping
    @Operation(operationId = "registerAgency", summary = "Register an agency", description = "Publishes org.isecg.register.agency.registered.v1.")
    @ApiResponse(responseCode = "201", description = "Registered at version 1", headers = {
            @Header(name = "Location", description = "The new entry"),
            @Header(name = "ETag", description = "Its version, for If-Match")})
    @AcceptsIdempotencyKey
    Mono<ResponseEntity<Agency>> register(@Valid @RequestBody AgencyRequests.RegisterAgency request,
            Caller caller, ServerWebExchange exchange) {
        return writes.counted("register", () ->
                registrations.create(exchange, request, key -> register.register(request.agency(), Actor.of(caller), key)));
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getAgency", summary = "Read an agency's entry")
    Mono<ResponseEntity<Agency>> get(@PathVariable String code) {
        return register.find(code).map(agency -> ResponseEntity.ok().eTag(Versions.etag(agency.version())).body(agency));
    }

    @GetMapping
    @Operation(operationId = "listAgencies", summary = "List the register in code order, a page at a time",
            description = "Each filter is optional; those given are combined. A page token continues the listing it came"
                    + " from: send it with the same filters. A filter value the register does not know is a 400 naming it.")
    Mono<Page<Agency>> list(
            @Parameter(description = "only agencies that count this ISO 3166-1 alpha-2 country among theirs", example = "FR")
            @RequestParam(required = false) String country,
            @Parameter(description = "only agencies of this kind") @RequestParam(required = false) AgencyKind kind,
            @Parameter(description = "only ISECG members, or only non-members") @RequestParam(required = false) Membership membership,
            @Parameter(description = "only active, or only inactive agencies") @RequestParam(required = false) AgencyStatus status,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return Mono.defer(() -> register.list(new AgencyFilter(country, kind, membership, status),
                PageRequest.of(pageSize, pageToken)));
    }

    @PutMapping("/{code}")
    @Operation(operationId = "replaceAgency", summary = "Replace an agency's entry",
            description = "Needs If-Match: the ETag read, a list of ETags or *. Publishes org.isecg.register.agency.updated.v1.")
    @ApiResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "422", description = "The entry breaks a rule of the register (/problems/rule-violation)")
    Mono<ResponseEntity<Agency>> update(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AgencyRequests.UpdateAgency request, Caller caller) {
        return writes.counted("update", () -> register.update(code, Versions.ifMatch(ifMatch, "agency"), request, Actor.of(caller)))
                .map(AgencyController::withEtag);
    }

    @PostMapping("/{code}/deactivation")
    @Operation(operationId = "deactivateAgency", summary = "Deactivate an agency",
            description = "The secretariat's only. The entry stays (plans refer to it) with status INACTIVE, and the"
                    + " roadmap refuses plans that newly name it. Needs If-Match; the body and its reason are optional."
                    + " Publishes org.isecg.register.agency.deactivated.v1.")
    @ApiResponse(responseCode = "200", description = "Deactivated", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "The agency is already inactive (/problems/conflict)")
    Mono<ResponseEntity<Agency>> deactivate(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) AgencyRequests.StatusChange request, Caller caller) {
        return writes.counted("deactivate", () -> register.deactivate(code, Versions.ifMatch(ifMatch, "agency"),
                        AgencyRequests.StatusChange.reasonOf(request), Actor.of(caller)))
                .map(AgencyController::withEtag);
    }

    @PostMapping("/{code}/reactivation")
    @Operation(operationId = "reactivateAgency", summary = "Reactivate an agency",
            description = "The secretariat's only. The entry is ACTIVE again and may be named in new plans. Needs"
                    + " If-Match; the body and its reason are optional. Publishes org.isecg.register.agency.reactivated.v1.")
    @ApiResponse(responseCode = "200", description = "Reactivated", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "The agency is already active (/problems/conflict)")
    Mono<ResponseEntity<Agency>> reactivate(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) AgencyRequests.StatusChange request, Caller caller) {
        return writes.counted("reactivate", () -> register.reactivate(code, Versions.ifMatch(ifMatch, "agency"),
                        AgencyRequests.StatusChange.reasonOf(request), Actor.of(caller)))
                .map(AgencyController::withEtag);
    }

    @GetMapping("/{code}/history")
    @Operation(operationId = "getAgencyHistory", summary = "Read who made each version of an agency's entry",
            description = "Every version, oldest first: its event, when, and the client that made it.")
    Mono<History> history(@PathVariable String code) {
        return register.history(code);
    }

    private static ResponseEntity<Agency> withEtag(Agency agency) {
        return ResponseEntity.ok().eTag(Versions.etag(agency.version())).body(agency);
    }

    private static ResponseEntity<Agency> registered(Agency agency) {
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + agency.code()))
                .eTag(Versions.etag(agency.version())).body(agency);
    }
}
