package org.isecg.web.connection;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Asks the connection for its next read once each response has been written, so that a persistent
 * connection never stops reading.
 *
 * <p>reactor-netty 1.3.6 (Boot 4.0.7's) reads a connection on demand and can lose that demand
 * (reactor-netty #4347, #4361, fixed in 1.3.8): a request that arrives while the answer before it is
 * still being finished on another thread is queued; when it is then answered at once (a 400 or 401
 * that needs no I/O), the queue is drained without the read being asked for again, and the client's
 * next request on the connection is never read. 1.3.8 needs a newer Netty than Boot 4.0.7 manages,
 * whose native transport is not served to our builds, so this handler asks for the read itself.
 *
 * <p>An extra read is harmless: Netty coalesces read requests, and the server queues a request that
 * arrives while another is in progress, as it always does. The read is asked for from a task, after
 * whatever the server does once the response is written (draining its queue) has run.
 */
final class ReadAfterEachResponse extends ChannelOutboundHandlerAdapter {

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LastHttpContent) {
            ChannelPromise written = promise.unvoid();
            written.addListener(done -> {
                if (done.isSuccess()) {
                    ctx.executor().execute(() -> {
                        if (ctx.channel().isActive()) {
                            ctx.read();
                        }
                    });
                }
            });
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }
}
