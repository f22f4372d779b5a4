package org.isecg.web.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;

import reactor.core.publisher.Mono;

/** The {@link Caller} of the request being handled, wherever its Reactor context reaches. */
public final class Callers {

    private Callers() {
    }

    /** The caller of the current request; empty where no validated token authenticated it. */
    public static Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication).flatMap(Callers::of);
    }

    /** The caller an authentication stands for, if it is a validated bearer token. */
    static Mono<Caller> of(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated() && authentication.getPrincipal() instanceof Jwt token) {
            return Mono.just(Caller.of(token));
        }
        return Mono.empty();
    }
}
