package org.isecg.web.connection;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

import reactor.netty.http.server.HttpServer;

/**
 * Every connection of the service's HTTP server (and of the management server) gets a
 * {@link ReadAfterEachResponse}, behind the server's own HTTP handlers, so that it sees each
 * response as the server writes it.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({HttpServer.class, NettyServerCustomizer.class})
public class ConnectionAutoConfiguration {

    static final String HANDLER = "isecg.readAfterEachResponse";

    @Bean
    NettyServerCustomizer readAfterEachResponse() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addLast(HANDLER, new ReadAfterEachResponse());
            }
        });
    }
}
