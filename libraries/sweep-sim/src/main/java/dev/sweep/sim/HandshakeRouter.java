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
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Routes a connection by its request path: a venue's path gets a WebSocket handshake and that venue's session; a path
 * below a venue's REST path gets that venue's REST answer; any other path gets a 404 that lists the paths served.
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
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        Optional<Venue> served = simulator.venueAt(path);
        if (served.isEmpty() && simulator.answersRest(path)) {
            if (!HttpMethod.GET.equals(request.method())) {
                respond(ctx, request.protocolVersion(), HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain",
                        "GET only\n");
                return;
            }
            HttpVersion version = request.protocolVersion();
            simulator.answerRest(path, uri.rawQuery(), answer -> respond(ctx, version,
                    HttpResponseStatus.valueOf(answer.status()), "application/json", answer.body()));
            return;
        }
        if (served.isEmpty()) {
            TreeSet<String> paths = new TreeSet<>(simulator.restPaths().stream().map(rest -> rest + "/…").toList());
            simulator.venues().forEach(venue -> paths.add(venue.descriptor().simulatorPath()));
            respond(ctx, request.protocolVersion(), HttpResponseStatus.NOT_FOUND, "text/plain",
                    "No venue at " + path + ". Served: " + paths + "\n");
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

    /** Sends a whole answer and closes the connection: one request per connection is all a client of ours makes. */
    private static void respond(ChannelHandlerContext ctx, HttpVersion version, HttpResponseStatus status, String type,
                                String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(version, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type + "; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
