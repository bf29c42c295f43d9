package dev.sweep.sim;

import dev.sweep.sim.session.Session;
import dev.sweep.venue.Venue;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/** Connects a WebSocket channel to its venue session once the handshake is done. */
final class SessionHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final Simulator simulator;
    private final Venue venue;
    private Session session;

    SessionHandler(Simulator simulator, Venue venue) {
        this.simulator = simulator;
        this.venue = venue;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof HandshakeComplete) {
            session = new Session(venue, ctx.channel(), simulator);
            simulator.opened(session);
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
        if (session != null) {
            session.onRequest(frame.text());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            simulator.closed(session);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A client that sends garbage or vanishes only loses its own connection.
        ctx.close();
    }
}
