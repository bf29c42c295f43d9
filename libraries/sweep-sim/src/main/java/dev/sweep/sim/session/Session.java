package dev.sweep.sim.session;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.sim.Fault;
import dev.sweep.sim.market.MarketEvent;
import dev.sweep.venue.Venue;
import dev.sweep.venue.server.ServerContext;
import dev.sweep.venue.server.ServerSession;
import dev.sweep.venue.server.UpdateFault;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * One client connection, speaking one venue's dialect: the venue's {@link ServerSession} reads the requests and
 * writes the frames; this class carries them over the WebSocket, applies the faults every venue shares (drop,
 * malformed, stall, oversized, restart, shutdown) and protects the server from a client that does not read: one that stays behind for
 * long, or lets too much pile up, is disconnected, as real venues do.
 */
public final class Session implements ServerContext {

    /** How long a stall holds frames back: longer than any venue lets a feed stay silent (5 s). */
    public static final long STALL_NANOS = 8_000_000_000L;

    /** Larger than any client should accept for one text frame. */
    public static final int OVERSIZED_BYTES = 17 * 1024 * 1024;

    /** How long a client may stay behind (more than the write buffer's high-water mark pending) before it is cut. */
    public static final long SLOW_CONSUMER_NANOS = 2_000_000_000L;

    /** Pending bytes past which a client is cut at once: the bound on what the server buffers for one client. */
    public static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

    /**
     * How long after announcing its close ({@link Fault#SHUTDOWN}) a connection is closed: Binance gives 10 minutes;
     * 10 seconds leave a new connection the time to sync, its REST snapshot included, which Binance's request limits
     * may delay by 5 seconds.
     */
    public static final long SHUTDOWN_NOTICE_NANOS = 10_000_000_000L;

    /** Most frames written to a client between two flushes. */
    private static final int MAX_UNFLUSHED = 32;

    /** {@link #stepDueNanos} outside a market step: the frames written then are not updates, and are not timed. */
    private static final long NO_STEP = Long.MIN_VALUE;

    /** Not JSON: cut off in the middle of a string, as a truncated frame is. */
    private static final String MALFORMED = "{\"type\":\"update\",\"data\":[{\"pri";

    private final Venue venue;
    private final Channel channel;
    private final SimContext context;
    private final ServerSession dialect;
    private final ArrayDeque<Fault> injected = new ArrayDeque<>();
    private final ArrayDeque<String> held = new ArrayDeque<>();
    private final Runnable queuedFlush = this::queuedFlush;
    /** Whether a flush is queued on the loop for the frames written since the last one. */
    private boolean flushQueued;
    /** Frames written since the last flush. */
    private int unflushed;
    /** When the market step being forwarded was due; {@link #NO_STEP} outside one. */
    private long stepDueNanos = NO_STEP;
    /** The updates among the frames written since the last flush: when each was due and when it was written. */
    private final long[] unflushedDueNanos = new long[MAX_UNFLUSHED];
    private final long[] unflushedWrittenNanos = new long[MAX_UNFLUSHED];
    private int unflushedUpdates;
    private long stalledUntil;
    private long lastSentNanos;
    private long behindSinceNanos;
    /** When an announced close is due; 0 when none is. */
    private long closeAtNanos;

    public Session(Venue venue, Channel channel, SimContext context) {
        this.venue = venue;
        this.channel = channel;
        this.context = context;
        this.dialect = venue.newServerSession(this);
    }

    /** The venue this session speaks for. */
    public Venue venue() {
        return venue;
    }

    /** The WebSocket handshake completed. */
    public void onOpen() {
        lastSentNanos = context.nowNanos();
        dialect.onOpen(lastSentNanos);
    }

    /** A text frame from the client. */
    public void onRequest(String text) {
        dialect.onRequest(text, context.nowNanos());
    }

    /**
     * A step of the market, which happened at {@code eventNanos}; the dialect forwards what its client subscribed to,
     * timed as the step, as a venue times a frame by its matching engine's event and not by when it goes out.
     */
    public void onMarketEvent(MarketEvent event, long eventNanos) {
        if (!event.venue().equals(venue.name())) {
            return;
        }
        stepDueNanos = eventNanos;
        try {
            event.trade().ifPresent(trade -> dialect.onTrade(event.instrument(), trade, eventNanos));
            dialect.onBookChange(event.instrument(), event.changes(), eventNanos);
        } finally {
            stepDueNanos = NO_STEP;
        }
    }

    /**
     * Closes the connection when its announced close is due; ends a stall once it has lasted long enough, by
     * delivering what it held; then the dialect's timer.
     */
    public void tick() {
        long now = context.nowNanos();
        if (closeAtNanos != 0 && now >= closeAtNanos) {
            closeAtNanos = 0;
            channel.close();
            return;
        }
        if (stalledUntil != 0) {
            if (now < stalledUntil) {
                return;
            }
            stalledUntil = 0;
            while (!held.isEmpty() && channel.isActive()) {
                write(held.poll());
            }
        }
        dialect.onTimer(now);
    }

    /** Applies {@code fault} to the next update this session sends. */
    public void inject(Fault fault) {
        injected.add(fault);
    }

    // ServerContext, for the dialect.

    @Override
    public List<Instrument> instruments() {
        return context.market().instruments(venue.name());
    }

    @Override
    public Optional<Instrument> instrument(String venueSymbol) {
        return instruments().stream().filter(instrument -> venue.symbol(instrument).equals(venueSymbol)).findFirst();
    }

    @Override
    public OrderBook book(Instrument instrument) {
        return context.market().book(venue.name(), instrument);
    }

    @Override
    public long updateId(Instrument instrument) {
        return context.market().updateId(venue.name(), instrument);
    }

    /**
     * Draws the fault for the update about to be sent and applies the shared ones; returns what the dialect must
     * apply itself. After {@link Fault#DROP} the channel is closed and whatever the dialect sends is dropped.
     */
    @Override
    public UpdateFault nextFault() {
        Fault fault = injected.isEmpty() ? context.faults().draw(context.random()) : injected.poll();
        if (fault == null || fault == Fault.CHECKSUM && !venue.carriesChecksum()) {
            // A fault that cannot happen in this dialect is neither applied nor counted: faultsInjected counts what
            // clients had to survive.
            return UpdateFault.NONE;
        }
        context.countFault(fault);
        switch (fault) {
            case DROP -> channel.close();
            case MALFORMED -> send(MALFORMED);
            case STALL -> stalledUntil = context.nowNanos() + STALL_NANOS;
            case OVERSIZED -> send("{\"channel\":\"padding\",\"data\":\"" + "x".repeat(OVERSIZED_BYTES) + "\"}");
            case GAP -> {
                return UpdateFault.LOST;
            }
            case CHECKSUM -> {
                return UpdateFault.BAD_CHECK;
            }
            case RESTART -> {
                return UpdateFault.RESTART;
            }
            case SHUTDOWN -> {
                dialect.closeAnnouncement(context.nowNanos()).ifPresent(this::send);
                closeAtNanos = context.nowNanos() + SHUTDOWN_NOTICE_NANOS;
            }
        }
        return UpdateFault.NONE;
    }

    @Override
    public long lastSentNanos() {
        return lastSentNanos;
    }

    @Override
    public long randomLong() {
        return context.random().nextLong();
    }

    @Override
    public void close() {
        channel.close();
    }

    /** Sends a text frame now, or holds it while the session is stalled. */
    @Override
    public void send(String frame) {
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
    }

    /**
     * A client is too far behind when more than the write buffer's high-water mark has been waiting for longer than
     * {@link #SLOW_CONSUMER_NANOS}, or when {@link #MAX_PENDING_BYTES} are waiting at all.
     */
    private boolean isTooFarBehind() {
        if (channel.isWritable()) {
            behindSinceNanos = 0;
            return false;
        }
        long now = context.nowNanos();
        if (behindSinceNanos == 0) {
            behindSinceNanos = now;
        }
        return now - behindSinceNanos > SLOW_CONSUMER_NANOS || channel.bytesBeforeWritable() > MAX_PENDING_BYTES;
    }

    /**
     * Writes a frame and queues one flush on the loop for it and every frame written before that flush runs: the
     * frames of one pace of the market, or of one request's answer, go out in one write to the socket, not one each.
     * A pace that catches up on many steps flushes every {@link #MAX_UNFLUSHED} frames as well, so that its client
     * reads while it goes on, rather than after it, all at once.
     */
    private void write(String frame) {
        // Encoded into a buffer of the connection's pool: TextWebSocketFrame(String) encodes into a new heap buffer of
        // three bytes a character, garbage once the frame's encoder has copied it to a direct one.
        channel.write(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), frame)));
        lastSentNanos = context.nowNanos();
        context.countSent();
        if (stepDueNanos != NO_STEP) {
            unflushedDueNanos[unflushedUpdates] = stepDueNanos;
            unflushedWrittenNanos[unflushedUpdates++] = lastSentNanos;
        }
        if (++unflushed >= MAX_UNFLUSHED) {
            flush();
        } else if (!flushQueued) {
            flushQueued = true;
            channel.eventLoop().execute(queuedFlush);
        }
    }

    private void queuedFlush() {
        flushQueued = false;
        flush();
    }

    private void flush() {
        unflushed = 0;
        channel.flush();
        if (unflushedUpdates > 0) {
            long flushedNanos = context.nowNanos();
            for (int i = 0; i < unflushedUpdates; i++) {
                context.flushes().onFlushed(venue.name(), unflushedDueNanos[i], unflushedWrittenNanos[i], flushedNanos);
            }
            unflushedUpdates = 0;
        }
    }
}
