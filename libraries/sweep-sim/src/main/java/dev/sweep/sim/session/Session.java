package dev.sweep.sim.session;

import dev.sweep.sim.Fault;
import dev.sweep.sim.market.MarketEvent;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayDeque;

/**
 * One client connection speaking one venue's dialect. Subclasses decode the client's requests and encode the
 * market's events; this class sends frames, applies the faults every dialect shares (drop, malformed, stall,
 * oversized) and protects the server from a client that does not read: one that stays behind for long, or lets
 * too much pile up, is disconnected, as real venues do.
 */
public abstract class Session {

    /** How long a stall holds frames back: longer than Kraken and Coinbase allow a feed to be silent (5 s). */
    public static final long STALL_MILLIS = 8_000;

    /** Larger than any client should accept for one text frame. */
    public static final int OVERSIZED_BYTES = 17 * 1024 * 1024;

    /** How long a client may stay behind (more than the write buffer's high-water mark pending) before it is cut. */
    public static final long SLOW_CONSUMER_MILLIS = 2_000;

    /** Pending bytes past which a client is cut at once: the bound on what the server buffers for one client. */
    public static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    private static final String MALFORMED = "{\"channel\":\"book\",\"type\":\"upd";

    protected final Channel channel;
    protected final SimContext context;
    private final ArrayDeque<Fault> injected = new ArrayDeque<>();
    private final ArrayDeque<String> held = new ArrayDeque<>();
    private long stalledUntil;
    private long lastSentMillis;
    private long behindSinceMillis;

    protected Session(Channel channel, SimContext context) {
        this.channel = channel;
        this.context = context;
    }

    /** The venue this session speaks for. */
    public abstract String venue();

    /** Called once the WebSocket handshake completed. */
    public abstract void onOpen(long nowMillis);

    /** A text frame from the client. */
    public abstract void onRequest(String text, long nowMillis);

    /** A step of the market; sessions forward the venues and instruments their client subscribed to. */
    public abstract void onMarketEvent(MarketEvent event);

    /** Periodic work: heartbeats, deadlines. */
    protected abstract void onTimer(long nowMillis);

    /** Runs the timer, and ends a stall once it has lasted long enough by delivering what it held. */
    public final void tick(long nowMillis) {
        if (stalledUntil != 0) {
            if (nowMillis < stalledUntil) {
                return;
            }
            stalledUntil = 0;
            while (!held.isEmpty() && channel.isActive()) {
                write(held.poll());
            }
            channel.flush();
        }
        onTimer(nowMillis);
    }

    /** Applies {@code fault} to the next update this session sends. */
    public final void inject(Fault fault) {
        injected.add(fault);
    }

    /** Milliseconds since the last frame went out. */
    protected final long millisSinceLastSent(long nowMillis) {
        return nowMillis - lastSentMillis;
    }

    /**
     * Draws the fault for the update about to be sent and applies the shared ones. Returns the fault the dialect
     * must apply itself ({@link Fault#GAP}, {@link Fault#CHECKSUM}), or null. After {@link Fault#DROP} the channel is
     * closed and the caller sends nothing.
     */
    protected final Fault nextFault() {
        Fault fault = injected.isEmpty() ? context.faults().draw(context.random()) : injected.poll();
        if (fault == null || !applies(fault)) {
            return null;
        }
        context.countFault(fault);
        switch (fault) {
            case DROP -> channel.close();
            case MALFORMED -> send(MALFORMED);
            case STALL -> stalledUntil = System.currentTimeMillis() + STALL_MILLIS;
            case OVERSIZED -> send("{\"channel\":\"padding\",\"data\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}");
            default -> {
                return fault;
            }
        }
        return null;
    }

    /**
     * Whether this dialect can apply the fault. Only Kraken sends a checksum to corrupt; a fault that cannot happen
     * is neither applied nor counted, so that {@code faultsInjected} counts what clients had to survive.
     */
    protected boolean applies(Fault fault) {
        return fault != Fault.CHECKSUM;
    }

    /** Whether frames can still be sent. */
    protected final boolean isOpen() {
        return channel.isActive();
    }

    /** Sends a text frame now, or holds it while the session is stalled. */
    protected final void send(String frame) {
        if (!channel.isActive()) {
            return;
        }
        if (stalledUntil != 0) {
            held.add(frame);
            return;
        }
        if (isTooFarBehind()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "slow consumer"));
            channel.close();
            return;
        }
        write(frame);
        channel.flush();
    }

    /**
     * A client is too far behind when more than the write buffer's high-water mark has been waiting for longer than
     * {@link #SLOW_CONSUMER_MILLIS}, or when {@link #MAX_PENDING_BYTES} are waiting at all.
     */
    private boolean isTooFarBehind() {
        if (channel.isWritable()) {
            behindSinceMillis = 0;
            return false;
        }
        long now = System.currentTimeMillis();
        if (behindSinceMillis == 0) {
            behindSinceMillis = now;
        }
        return now - behindSinceMillis > SLOW_CONSUMER_MILLIS || channel.bytesBeforeWritable() > MAX_PENDING_BYTES;
    }

    private void write(String frame) {
        channel.write(new TextWebSocketFrame(frame));
        lastSentMillis = System.currentTimeMillis();
        context.countSent();
    }
}
