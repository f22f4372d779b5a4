package org.isecg.web.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;

/** Problem details for every reactive web service; Boot's own handler backs off in favour of this one. */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemDetailsAutoConfiguration {

    /** Spring's default when spring.http.codecs.max-in-memory-size is not set. */
    private static final DataSize CODEC_DEFAULT = DataSize.ofKilobytes(256);

    @Bean
    ProblemDetailsHandler problemDetailsHandler(Environment environment) {
        return new ProblemDetailsHandler(Binder.get(environment)
                .bind("spring.http.codecs.max-in-memory-size", DataSize.class).orElse(CODEC_DEFAULT));
    }

    @Bean
    ProblemResponses problemResponses(ServerCodecConfigurer codecs) {
        return new ProblemResponses(codecs);
    }
}
