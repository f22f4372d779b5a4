package org.isecg.web.body;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are read with the application's JSON mapper (so {@code spring.jackson.*} applies) made
 * strict about fields: an unknown or server-owned field refuses the body. Only the server's codecs
 * change; clients (WebClient, WebTestClient) and everything else that reads JSON with the mapper, the
 * idempotency replay included, stay tolerant, as readers of others' JSON should.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "org.springframework.boot.http.codec.CodecCustomizer")
public class RequestBodiesAutoConfiguration {

    /** After Boot's own Jackson codec customizer (order 0), whose decoder it replaces on the server. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    @ConditionalOnBean(JsonMapper.class)
    CodecCustomizer strictRequestBodies(JsonMapper json) {
        JsonMapper strict = json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new RefusedFieldCollector())
                .build();
        return configurer -> {
            if (configurer instanceof ServerCodecConfigurer) {
                configurer.defaultCodecs().jacksonJsonDecoder(new StrictBodyDecoder(strict));
            }
        };
    }
}
