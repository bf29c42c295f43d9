package dev.sweep.sim;

import dev.sweep.venue.Venue;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Routes a connection by its request path: a venue's path gets a WebSocket handshake and that venue's session;
 * any other path gets a 404 that lists the paths served.
 */
final class HandshakeRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

    /** Largest frame a client may send: requests are small. */
    private static final int MAX_REQUEST_FRAME = 64 * 1024;

    private final Simulator simulator;

    HandshakeRouter(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        Optional<Venue> served = simulator.venueAt(path);
        if (served.isEmpty()) {
            String body = "No venue at " + path + ". Served: "
                    + new TreeSet<>(simulator.venues().stream().map(venue -> venue.descriptor().simulatorPath()).toList()) + "\n";
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
                    HttpResponseStatus.NOT_FOUND, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(path)
                .maxFramePayloadLength(MAX_REQUEST_FRAME)
                .build();
        ctx.pipeline().addAfter(ctx.name(), "websocket", new WebSocketServerProtocolHandler(config));
        ctx.pipeline().addLast("session", new SessionHandler(simulator, served.get()));
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request.retain());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
