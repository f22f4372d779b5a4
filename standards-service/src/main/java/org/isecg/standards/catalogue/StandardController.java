package org.isecg.standards.catalogue;

import java.net.URI;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.RevisionStatus;
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

/**
 * The standards catalogue's API. Standards carry their version as ETag; every change must name it in
 * If-Match, and answers the whole standard at its new version.
 */
@RestController
@RequestMapping("/api/v1/standards")
@Tag(name = "standards", description = "Interface standards and their revisions")
class StandardController {

    private static final String EVENTS = " Also publishes the v1 event (standard.published.v1 for a standard's first "
            + "revision, standard.revised.v1 after) while v1 readers remain.";

    private final Catalogue catalogue;
    private final IdempotentCreates.Endpoint<Standard> publications;

    StandardController(Catalogue catalogue, IdempotentCreates creates) {
        this.catalogue = catalogue;
        this.publications = creates.endpoint(StandardDocument.class, Standard.class, StandardController::published);
    }

    @PostMapping
    @Operation(operationId = "publishStandard", summary = "Publish a standard, with its revisions as they happened",
            description = "Revisions may be in any status, at most one BASELINED, or there may be none yet. Publishes "
                    + "org.isecg.standards.standard.published.v2." + EVENTS)
    @ApiResponse(responseCode = "201", description = "Published at version 1", headers = {
            @Header(name = "Location", description = "The new standard"),
            @Header(name = "ETag", description = "Its version, for If-Match")})
    @ApiResponse(responseCode = "409", description = "A standard of that code exists (/problems/conflict)")
    @ApiResponse(responseCode = "422", description = "Two BASELINED revisions, a repeated label or parameter name, "
            + "or a steward that is not an active agency of the register (/problems/rule-violation)")
    @AcceptsIdempotencyKey
    Mono<ResponseEntity<Standard>> publish(@Valid @RequestBody StandardRequests.PublishStandard request,
            Caller caller, ServerWebExchange exchange) {
        return publications.create(exchange, request, key -> catalogue.publish(request, Actor.of(caller), key));
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getStandard", summary = "Read a standard with its revisions")
    Mono<ResponseEntity<Standard>> get(@PathVariable String code) {
        return catalogue.find(code).map(StandardController::withEtag);
    }

    @GetMapping("/{code}/history")
    @Operation(operationId = "getStandardHistory", summary = "Read who made each version of a standard",
            description = "Every version, oldest first: its event, when, and the client that made it.")
    Mono<History> history(@PathVariable String code) {
        return catalogue.history(code);
    }

    @GetMapping
    @Operation(operationId = "listStandards", summary = "List and search standards in code order, a page at a time")
    Mono<Page<Standard>> list(
            @Parameter(description = "only standards of this domain") @RequestParam(required = false) InterfaceDomain domain,
            @Parameter(description = "only standards this agency stewards, e.g. ESA") @RequestParam(required = false) String steward,
            @Parameter(description = "only standards with a revision in this status, e.g. DRAFT")
            @RequestParam(required = false) RevisionStatus status,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return catalogue.list(domain, steward, status, PageRequest.of(pageSize, pageToken));
    }

    @PutMapping("/{code}")
    @Operation(operationId = "changeStandardDetails", summary = "Change a standard's details (title, domain, description, stewards)",
            description = "Needs If-Match: the ETag read, a list of ETags or *. The revisions change through their own "
                    + "operations. Publishes org.isecg.standards.standard.updated.v1." + EVENTS)
    @ApiResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "422", description = "A new steward that is not an active agency of the register (/problems/rule-violation)")
    Mono<ResponseEntity<Standard>> changeDetails(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody StandardRequests.ChangeDetails request, Caller caller) {
        return catalogue.changeDetails(code, Versions.ifMatch(ifMatch, "standard"), request, Actor.of(caller))
                .map(StandardController::withEtag);
    }

    @PostMapping("/{code}/revisions")
    @Operation(operationId = "addStandardRevision", summary = "Add a revision, as a DRAFT",
            description = "Needs If-Match. Publishes org.isecg.standards.standard.revision-added.v1." + EVENTS)
    @ApiResponse(responseCode = "201", description = "Added", headers = {
            @Header(name = "Location", description = "The standard"),
            @Header(name = "ETag", description = "The new version")})
    @ApiResponse(responseCode = "409", description = "The standard already has a revision of that label (/problems/conflict)")
    @ApiResponse(responseCode = "422", description = "A parameter name repeated (/problems/rule-violation)")
    Mono<ResponseEntity<Standard>> addRevision(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody StandardRequests.AddRevision request, Caller caller) {
        return catalogue.addRevision(code, Versions.ifMatch(ifMatch, "standard"), request, Actor.of(caller))
                .map(standard -> ResponseEntity.created(URI.create("/api/v1/standards/" + standard.code()))
                        .eTag(Versions.etag(standard.version())).body(standard));
    }

    @PostMapping("/{code}/revisions/{revision}/baseline")
    @Operation(operationId = "baselineStandardRevision", summary = "Baseline a DRAFT revision",
            description = "Needs If-Match. The revision baselined until now becomes SUPERSEDED in the same write. "
                    + "Publishes org.isecg.standards.standard.revision-baselined.v1." + EVENTS)
    @ApiResponse(responseCode = "200", description = "Baselined", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "The revision is not a DRAFT; the problem names its status (/problems/conflict)")
    Mono<ResponseEntity<Standard>> baseline(@PathVariable String code, @PathVariable String revision,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return catalogue.baseline(code, revision, Versions.ifMatch(ifMatch, "standard"), Actor.of(caller))
                .map(StandardController::withEtag);
    }

    @PostMapping("/{code}/revisions/{revision}/retirement")
    @Operation(operationId = "retireStandardRevision", summary = "Retire a revision, whatever its status",
            description = "Needs If-Match. Publishes org.isecg.standards.standard.revision-retired.v1." + EVENTS)
    @ApiResponse(responseCode = "200", description = "Retired", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "The revision is already retired (/problems/conflict)")
    Mono<ResponseEntity<Standard>> retire(@PathVariable String code, @PathVariable String revision,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        return catalogue.retire(code, revision, Versions.ifMatch(ifMatch, "standard"), Actor.of(caller))
                .map(StandardController::withEtag);
    }

    private static ResponseEntity<Standard> withEtag(Standard standard) {
        return ResponseEntity.ok().eTag(Versions.etag(standard.version())).body(standard);
    }

    private static ResponseEntity<Standard> published(Standard standard) {
        return ResponseEntity.created(URI.create("/api/v1/standards/" + standard.code()))
                .eTag(Versions.etag(standard.version())).body(standard);
    }
}
