package org.isecg.web.testapp;

import java.util.Map;

import org.isecg.web.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** A minimal HTTP service on the web starter: one answer that logs on another thread, one problem. */
@SpringBootApplication
public class WebTestApplication {

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
}
