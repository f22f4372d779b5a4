package org.isecg.standards.catalogue;

import java.net.URI;

import org.isecg.contracts.standard.InterfaceDomain;
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
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** The standards catalogue's API. Standards carry their version as ETag; a revision must name it in If-Match. */
@RestController
@RequestMapping("/api/v1/standards")
@Tag(name = "standards", description = "Interface standards and their revisions")
class StandardController {

    private final Catalogue catalogue;
    private final IdempotentCreates.Endpoint<Standard> publications;

    StandardController(Catalogue catalogue, IdempotentCreates creates) {
        this.catalogue = catalogue;
        this.publications = creates.endpoint(StandardDocument.class, Standard.class, StandardController::published);
    }

    @PostMapping
    @Operation(operationId = "publishStandard", summary = "Publish a standard", description = "Publishes org.isecg.standards.standard.published.v1.")
    @ApiResponse(responseCode = "201", description = "Published at version 1", headers = {
            @Header(name = "Location", description = "The new standard"),
            @Header(name = "ETag", description = "Its version, for If-Match")})
    @AcceptsIdempotencyKey
    Mono<ResponseEntity<Standard>> publish(@Valid @RequestBody StandardRequests.StandardRequest request,
            Caller caller, ServerWebExchange exchange) {
        return publications.create(exchange, request, key -> catalogue.publish(request, Actor.of(caller), key));
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getStandard", summary = "Read a standard with its revisions")
    Mono<ResponseEntity<Standard>> get(@PathVariable String code) {
        return catalogue.find(code).map(this::withEtag);
    }

    @GetMapping("/{code}/history")
    @Operation(operationId = "getStandardHistory", summary = "Read who made each version of a standard",
            description = "Every version, oldest first: its event, when, and the client that made it.")
    Mono<History> history(@PathVariable String code) {
        return catalogue.history(code);
    }

    @GetMapping
    @Operation(operationId = "listStandards", summary = "List standards in code order, a page at a time")
    Mono<Page<Standard>> list(@RequestParam(required = false) InterfaceDomain domain,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return catalogue.list(domain, PageRequest.of(pageSize, pageToken));
    }

    @PutMapping("/{code}")
    @Operation(operationId = "reviseStandard", summary = "Revise a standard: add a revision or change a revision's status",
            description = "Needs If-Match: the ETag read, a list of ETags or *. Publishes org.isecg.standards.standard.revised.v1.")
    @ApiResponse(responseCode = "200", description = "Revised", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "422", description = "The revision breaks a rule of the catalogue, such as a "
            + "changed code (/problems/rule-violation)")
    Mono<ResponseEntity<Standard>> revise(@PathVariable String code,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody StandardRequests.StandardRequest request, Caller caller) {
        return catalogue.revise(code, Versions.ifMatch(ifMatch, "standard"), request, Actor.of(caller)).map(this::withEtag);
    }

    private ResponseEntity<Standard> withEtag(Standard standard) {
        return ResponseEntity.ok().eTag(Versions.etag(standard.version())).body(standard);
    }

    private static ResponseEntity<Standard> published(Standard standard) {
        return ResponseEntity.created(URI.create("/api/v1/standards/" + standard.code()))
                .eTag(Versions.etag(standard.version())).body(standard);
    }
}
