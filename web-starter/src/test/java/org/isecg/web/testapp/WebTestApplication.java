package org.isecg.web.testapp;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.isecg.web.problem.NotFoundException;
import org.isecg.web.security.AccessRules;
import org.isecg.web.security.Caller;
import org.isecg.web.security.HubScopes;
import org.isecg.web.security.Requirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A minimal HTTP service on the web starter: one answer that logs on another thread, one problem,
 * and a small API under rules of its own (things that count their writes, the caller's view of itself).
 */
@SpringBootApplication
public class WebTestApplication {

    /** The test API's rules: a standards-board write, an agency's own write. */
    @Bean
    AccessRules thingAccess() {
        return AccessRules.of(
                AccessRules.rule(HttpMethod.POST, "/api/v1/things", Requirement.scope(HubScopes.STANDARDS)),
                AccessRules.rule(HttpMethod.POST, "/api/v1/things/own", Requirement.agencyWrite()));
    }

    @RestController
    static class GreetingController {

        private static final Logger log = LoggerFactory.getLogger(GreetingController.class);

        /** Logs once on the request's thread and once after a hop to another, as real work does. */
        @GetMapping("/test/greetings/{name}")
        Mono<Map<String, String>> greet(@PathVariable String name) {
            log.info("greeting {}", name);
            return Mono.fromCallable(() -> Map.of("greeting", "hello " + name))
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnNext(greeting -> log.info("greeted {}", name));
        }

        @GetMapping("/test/failure")
        Mono<Void> failure() {
            return Mono.error(new IllegalStateException("connection to db.internal refused"));
        }

        @GetMapping("/test/missing/{id}")
        Mono<Void> missing(@PathVariable String id) {
            return Mono.error(new NotFoundException("thing", id));
        }
    }

    /** Counts the writes that got through, so that a test can see a refused one changed nothing. */
    @RestController
    public static class ThingController {

        private final AtomicInteger writes = new AtomicInteger();

        public int writes() {
            return writes.get();
        }

        @GetMapping("/api/v1/things")
        Mono<Map<String, Integer>> things() {
            return Mono.just(Map.of("writes", writes.get()));
        }

        @PostMapping("/api/v1/things")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Map<String, Integer>> write() {
            return Mono.fromSupplier(() -> Map.of("writes", writes.incrementAndGet()));
        }

        @PostMapping("/api/v1/things/own")
        @ResponseStatus(HttpStatus.CREATED)
        Mono<Map<String, Object>> writeOwn(Caller caller) {
            return Mono.fromSupplier(() -> Map.of("writes", writes.incrementAndGet(), "agency", caller.agency().orElseThrow()));
        }

        /** The caller as the handler sees it: as a parameter and from the Reactor context alike. */
        @GetMapping("/api/v1/caller")
        Mono<Map<String, Object>> caller(Caller caller) {
            return org.isecg.web.security.Callers.current().map(current -> Map.of(
                    "parameter", caller, "current", current));
        }
    }
}
