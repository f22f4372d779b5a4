package org.isecg.roadmap.plan;

import java.net.URI;

import org.isecg.contracts.roadmap.Destination;
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

/** The roadmap's API. Plans carry their version as ETag; a change must name it in If-Match. */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "plans", description = "The agencies' exploration plans")
class PlanController {

    private final Plans plans;
    private final IdempotentCreates.Endpoint<RoadmapPlan> creations;

    PlanController(Plans plans, IdempotentCreates creates) {
        this.plans = plans;
        this.creations = creates.endpoint(PlanDocument.class, RoadmapPlan.class, PlanController::created);
    }

    @PostMapping
    @Operation(operationId = "createPlan", summary = "Put a plan on the roadmap", description = "The plan's id is chosen by the service, so a "
            + "client that may retry sends an Idempotency-Key. An agency's plan is its own: the owner is the token's agency, "
            + "and a body naming ownerAgency is refused (/problems/refused-fields); the secretariat importing a plan "
            + "(hub.import) names its owner in ownerAgency. Publishes org.isecg.roadmap.plan.created.v1.")
    @ApiResponse(responseCode = "201", description = "On the roadmap at version 1", headers = {
            @Header(name = "Location", description = "The new plan"),
            @Header(name = "ETag", description = "Its version, for If-Match")})
    @AcceptsIdempotencyKey
    Mono<ResponseEntity<RoadmapPlan>> create(@Valid @RequestBody PlanRequests.PlanRequest request,
            Caller caller, ServerWebExchange exchange) {
        return creations.create(exchange, request, key -> plans.create(request, caller, key));
    }

    @GetMapping("/{planId}")
    @Operation(operationId = "getPlan", summary = "Read a plan")
    Mono<ResponseEntity<RoadmapPlan>> get(@PathVariable String planId) {
        return plans.find(planId).map(this::withEtag);
    }

    @GetMapping
    @Operation(operationId = "listPlans", summary = "List plans in id order, a page at a time")
    Mono<Page<RoadmapPlan>> list(@RequestParam(required = false) String owner,
            @RequestParam(required = false) Destination destination,
            @RequestParam(defaultValue = "false") boolean includeWithdrawn,
            @RequestParam(required = false) Integer pageSize,
            @RequestParam(required = false) String pageToken) {
        return plans.list(owner, destination, includeWithdrawn, PageRequest.of(pageSize, pageToken));
    }

    @PutMapping("/{planId}")
    @Operation(operationId = "replacePlan", summary = "Replace a plan's content",
            description = "Needs If-Match: the ETag read, a list of ETags or *. Only the plan's owner (or an import on its "
                    + "behalf) changes it: another agency gets 403 /problems/not-owner. Publishes org.isecg.roadmap.plan.updated.v1.")
    @ApiResponse(responseCode = "200", description = "Replaced", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "The plan was withdrawn and cannot change (/problems/conflict)")
    @ApiResponse(responseCode = "422", description = "The plan breaks a rule of the roadmap: its window, owner, "
            + "partners, declared standards or dependencies (/problems/rule-violation)")
    Mono<ResponseEntity<RoadmapPlan>> update(@PathVariable String planId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.PlanRequest request, Caller caller) {
        return plans.update(planId, Versions.ifMatch(ifMatch, "plan"), request, caller).map(this::withEtag);
    }

    @PostMapping("/{planId}/withdrawal")
    @Operation(operationId = "withdrawPlan", summary = "Withdraw a plan from the roadmap",
            description = "Needs If-Match: the ETag read, a list of ETags or *. Only the plan's owner (or an import on its "
                    + "behalf) withdraws it: another agency gets 403 /problems/not-owner. Publishes org.isecg.roadmap.plan.withdrawn.v1.")
    @ApiResponse(responseCode = "200", description = "Withdrawn", headers = @Header(name = "ETag", description = "The new version"))
    @ApiResponse(responseCode = "409", description = "The plan was already withdrawn (/problems/conflict)")
    Mono<ResponseEntity<RoadmapPlan>> withdraw(@PathVariable String planId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody PlanRequests.WithdrawPlan request, Caller caller) {
        return plans.withdraw(planId, Versions.ifMatch(ifMatch, "plan"), request.reason(), caller).map(this::withEtag);
    }

    @GetMapping("/{planId}/history")
    @Operation(operationId = "getPlanHistory", summary = "Read who made each version of a plan",
            description = "Every version, oldest first: its event, when, the client and agency that made it, and who "
                    + "imported it where it was imported on the owner's behalf.")
    Mono<History> history(@PathVariable String planId) {
        return plans.history(planId);
    }

    private ResponseEntity<RoadmapPlan> withEtag(RoadmapPlan plan) {
        return ResponseEntity.ok().eTag(Versions.etag(plan.version())).body(plan);
    }

    private static ResponseEntity<RoadmapPlan> created(RoadmapPlan plan) {
        return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.planId()))
                .eTag(Versions.etag(plan.version())).body(plan);
    }
}
