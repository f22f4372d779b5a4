package org.isecg.web.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;

/** Problem details for every reactive web service; Boot's own handler backs off in favour of this one. */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemDetailsAutoConfiguration {

    @Bean
    ProblemDetailsHandler problemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    @Bean
    ProblemResponses problemResponses(ServerCodecConfigurer codecs) {
        return new ProblemResponses(codecs);
    }
}
