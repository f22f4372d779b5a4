package org.isecg.web.security;

import org.isecg.web.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every reactive service of the Hub is a resource server: bearer tokens validated by
 * {@link HubTokenDecoder} against {@code isecg.security}, the service's {@link AccessRules}, and the
 * {@link Caller} for handlers. The gateway brings its own chain (with the same decoder and problems),
 * so the chain here backs off from any other {@link SecurityWebFilterChain}.
 */
@AutoConfiguration(before = {ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
        ReactiveOAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(HubSecurityProperties.class)
@EnableWebFluxSecurity
public class HubSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder hubTokenDecoder(HubSecurityProperties properties) {
        return HubTokenDecoder.of(properties);
    }

    @Bean
    TokenProblems tokenProblems(ProblemResponses problems) {
        return new TokenProblems(problems);
    }

    @Bean
    @ConditionalOnMissingBean
    AccessRules accessRules() {
        return AccessRules.none();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain hubFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, TokenProblems problems,
            AccessRules rules) {
        return HubResourceServer.rules(HubResourceServer.tokens(http, decoder, problems), rules).build();
    }

    @Bean
    WebFluxConfigurer callerArgument() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }
}
