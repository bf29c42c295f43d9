package dev.sweep.feed;

import dev.sweep.core.BookCut;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's WebSocket connection and the books it keeps. Everything here runs on one event loop, the books'
 * single writer: frames are decoded and applied there, and queries take their copies there.
 *
 * <p>Any doubt about a book (a failed checksum, a sequence gap, a rejected frame, a crossed book, a dropped
 * connection, a long silence) ends the same way: the connection is replaced, with jittered exponential backoff,
 * and the books are rebuilt from the new connection's snapshots. A book never mixes data from two connections.
 */
final class FeedConnection implements FeedListener {

    private static final Logger FEED = LoggerFactory.getLogger("sweep.feed");
    private static final Logger DECODER = LoggerFactory.getLogger("sweep.decoder");
    private static final Logger BOOK = LoggerFactory.getLogger("sweep.book");
    private static final long WATCHDOG_MILLIS = 250;
    /** A connection silent for this many silence timeouts is dead: it is replaced. */
    private static final int DEAD_AFTER_TIMEOUTS = 3;

    private final Venue venue;
    private final URI endpoint;
    private final FeedSettings settings;
    private final EventLoop loop;
    private final SslContext ssl;
    private final VenueBooks books;
    private final FrameTap tap;
    /** Adds to {@link System#nanoTime()} to give wall-clock nanoseconds, for recordings. */
    private final long epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    private int connectionNumber;
    private byte[] frame = new byte[64 * 1024];
    private FeedAdapter adapter;
    private Channel channel;
    private int failedAttempts;
    private long lastFrameNanos;
    private String lastProblem;
    /** Why the current connection is being closed by this side, or null. */
    private String closeReason;
    /** The same for the log, where it must not repeat a line already written (a broken book's reason), or null. */
    private String replaceCause;
    private boolean replacing;
    private boolean closed;

    FeedConnection(Venue venue, URI endpoint, List<Instrument> instruments, FeedSettings settings, EventLoop loop,
                   SslContext ssl, FrameTap tap) {
        this.tap = tap;
        this.venue = venue;
        this.endpoint = endpoint;
        this.settings = settings;
        this.loop = loop;
        this.ssl = ssl;
        this.books = venue.newBooks(instruments, this);
    }

    String venue() {
        return venue.name();
    }

    void start() {
        loop.execute(this::connect);
        loop.scheduleAtFixedRate(this::watchdog, WATCHDOG_MILLIS, WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A consistent copy of the instrument's book, cut to what the query needs, taken on the connection's thread into
     * {@code copy}, which the querying thread owns and does not read until the view completes.
     */
    CompletableFuture<BookView> view(Instrument instrument, BookCut cut, OrderBook copy) {
        CompletableFuture<BookView> view = new CompletableFuture<>();
        loop.execute(() -> {
            for (int i = 0; i < books.size(); i++) {
                VenueBook book = books.get(i);
                if (book.instrument().equals(instrument)) {
                    long age = book.lastUpdateNanos() == 0 ? -1 : System.nanoTime() - book.lastUpdateNanos();
                    copy.copyFrom(book.book(), cut);
                    view.complete(new BookView(venue.name(), book.state(), venue.descriptor().integrity().isVerified(),
                            copy, age, book.updates(), book.resyncs(), lastProblem));
                    return;
                }
            }
            view.completeExceptionally(new IllegalArgumentException(venue.name() + " has no " + instrument + " book"));
        });
        return view;
    }

    /**
     * Stops reconnecting and closes the connection, with a Close frame if it is open.
     *
     * @return completes when the connection is closed
     */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            closed = true;
            if (channel == null) {
                done.complete(null);
            } else {
                channel.close().addListener(ignored -> done.complete(null));
            }
        });
        return done;
    }

    private void connect() {
        if (closed) {
            return;
        }
        replacing = false;
        closeReason = null;
        replaceCause = null;
        connectionNumber++;
        adapter = venue.newAdapter(books);
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "wss".equals(endpoint.getScheme()) ? 443 : 80;
        if (connectionNumber == 1) {
            // Later attempts are logged by their outcome, one line each.
            FEED.info("{}: connecting to {}", venue.name(), endpoint);
        }
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel socket) {
                        if (ssl != null) {
                            // SNI and host-name verification both come from the host given here.
                            socket.pipeline().addLast(ssl.newHandler(socket.alloc(), endpoint.getHost(), port));
                        }
                        socket.pipeline().addLast(
                                new HttpClientCodec(),
                                new HttpObjectAggregator(64 * 1024),
                                WebSocketClientCompressionHandler.INSTANCE,
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(endpoint)
                                        .allowExtensions(true)
                                        .maxFramePayloadLength(settings.maxMessageBytes())
                                        .handshakeTimeoutMillis(settings.connectTimeout().toMillis())
                                        // Closing sends a Close frame and waits this long, at most, for it to go.
                                        .sendCloseFrame(WebSocketCloseStatus.NORMAL_CLOSURE)
                                        .forceCloseTimeoutMillis(FeedManager.CLOSE_TIMEOUT.toMillis())
                                        // The venue's Close is answered by FrameHandler, which Netty would not do.
                                        .handleCloseFrames(false)
                                        .build()),
                                new WebSocketFrameAggregator(settings.maxMessageBytes()),
                                new FrameHandler());
                    }
                })
                .connect(endpoint.getHost(), port);
        channel = connecting.channel();
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                String unreachable = unreachable(done.cause(), port);
                if (unreachable != null) {
                    disconnected("cannot connect: " + unreachable, BookState.UNREACHABLE);
                } else {
                    disconnected("cannot connect: " + describe(done.cause()), BookState.SYNCING);
                }
            }
        });
    }

    /**
     * The socket closed or could not open: books cannot be trusted; try again after the backoff.
     *
     * @param next {@link BookState#UNREACHABLE} when the venue could not be reached at all, else
     *             {@link BookState#SYNCING}
     */
    private void disconnected(String reason, BookState next) {
        if (closed) {
            FEED.info("{}: closed", venue.name());
            return;
        }
        lastProblem = reason;
        for (int i = 0; i < books.size(); i++) {
            VenueBook book = books.get(i);
            // A broken book's own line already said why; a syncing one going on syncing has nothing new to say.
            boolean news = book.state() == BookState.LIVE || book.state() == BookState.STALE
                    || next == BookState.UNREACHABLE && book.state() != next;
            if (news) {
                BOOK.info("{} {}: {} -> {} ({})", venue.name(), book.venueSymbol(), book.state(), next, reason);
            }
        }
        if (next == BookState.UNREACHABLE) {
            books.unreachable();
        } else {
            books.resyncing();
        }
        long delay = backoffMillis(failedAttempts++);
        FEED.warn("{}: {}; reconnecting in {} ms (attempt {})", venue.name(),
                replaceCause == null ? reason : "replacing the connection: " + replaceCause, delay, failedAttempts);
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes the connection so that it is replaced; its books are rebuilt from the next one's snapshots.
     *
     * @param reason the venue's problem, as shown to the user
     * @param cause  the reason as logged when the connection closes
     */
    private void replace(String reason, String cause) {
        if (replacing || channel == null) {
            return;
        }
        replacing = true;
        closeReason = reason;
        replaceCause = cause;
        channel.close();
    }

    private long backoffMillis(int attempt) {
        long base = settings.initialBackoff().toMillis() << Math.min(attempt, 16);
        long capped = Math.min(base, settings.maxBackoff().toMillis());
        return Math.max(1, (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private void watchdog() {
        if (channel == null || !channel.isActive() || lastFrameNanos == 0) {
            return;
        }
        long silentNanos = System.nanoTime() - lastFrameNanos;
        long timeout = venue.silenceTimeout().toNanos();
        if (silentNanos > DEAD_AFTER_TIMEOUTS * timeout) {
            String silent = "silent for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s";
            replace(silent, silent);
        } else if (silentNanos > timeout) {
            for (int i = 0; i < books.size(); i++) {
                if (books.get(i).state() == BookState.LIVE) {
                    BOOK.info("{} {}: LIVE -> STALE (silent for {} ms)", venue.name(), books.get(i).venueSymbol(),
                            TimeUnit.NANOSECONDS.toMillis(silentNanos));
                }
            }
            books.stale();
        }
    }

    // FeedListener: what the adapter reports, on this loop.

    @Override
    public void onSubscribed(VenueBook book) {
        FEED.info("{}: subscribed to {}", venue.name(), book.venueSymbol());
    }

    @Override
    public void onBookLive(VenueBook book) {
        BOOK.info("{} {}: LIVE ({} bids, {} asks)", venue.name(), book.venueSymbol(), book.book().bids().depth(),
                book.book().asks().depth());
        failedAttempts = 0;
    }

    @Override
    public void onBookBroken(VenueBook book, String reason) {
        BOOK.warn("{} {}: BROKEN: {}", venue.name(), book.venueSymbol(), reason);
        replace(book.venueSymbol() + ": " + reason, book.venueSymbol() + " is BROKEN");
    }

    @Override
    public void onHeartbeat() {
        // Liveness is tracked per frame, whatever it carries.
    }

    /**
     * Only subscriptions are ever sent, so an error while books wait for their snapshot is the venue refusing them:
     * those books are rejected.
     */
    @Override
    public void onVenueError(String message) {
        FEED.warn("{}: the venue reports: {}", venue.name(), message);
        lastProblem = "venue error: " + message;
        for (int i = 0; i < books.size(); i++) {
            VenueBook book = books.get(i);
            if (book.state() == BookState.SYNCING) {
                BOOK.info("{} {}: SYNCING -> REJECTED ({})", venue.name(), book.venueSymbol(), message);
            }
        }
        books.rejected();
    }

    @Override
    public void onFrameRejected(String reason) {
        DECODER.warn("{}: frame rejected: {}", venue.name(), reason);
    }

    /**
     * Why the venue cannot be reached, when waiting would not help (its host name does not resolve, nothing listens,
     * no route), or null when it might (a timeout, a TLS failure).
     */
    private String unreachable(Throwable cause, int port) {
        if (cause instanceof UnknownHostException) {
            return "unknown host " + endpoint.getHost();
        }
        if (cause instanceof NoRouteToHostException
                || cause instanceof ConnectException && !(cause instanceof ConnectTimeoutException)) {
            return describe(cause) + " (" + endpoint.getHost() + ":" + port + ")";
        }
        return null;
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof NotSslRecordException) {
            // Its message is a hex dump of whatever the server sent instead.
            return "the server did not answer TLS: does the endpoint speak plain WebSocket? (then use ws:// instead of"
                    + " wss://)";
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    /** The end of the pipeline: handshake, subscribe, frames to the adapter, close. */
    private final class FrameHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                FEED.info("{}: connected", venue.name());
                books.resyncing();
                lastFrameNanos = System.nanoTime();
                List<Instrument> instruments = new ArrayList<>();
                for (int i = 0; i < books.size(); i++) {
                    instruments.add(books.get(i).instrument());
                }
                for (String message : venue.subscribeMessages(instruments)) {
                    ctx.writeAndFlush(new TextWebSocketFrame(message));
                }
            } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                lastProblem = "WebSocket handshake timed out";
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
            if (message instanceof CloseWebSocketFrame close) {
                try {
                    answerClose(ctx, close);
                } finally {
                    close.release();
                }
            } else {
                super.channelRead(ctx, message);
            }
        }

        /** RFC 6455 §5.5.1: a Close is answered with a Close echoing its status code, then the connection closes. */
        private void answerClose(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
            int status = close.statusCode();
            boolean echoable = status >= 0 && WebSocketCloseStatus.isValidStatusCode(status);
            if (ctx.channel() == channel && closeReason == null) {
                closeReason = "connection closed by the venue" + (status < 0 ? ""
                        : " (" + status + (close.reasonText().isEmpty() ? "" : " " + close.reasonText()) + ")");
            }
            ctx.writeAndFlush(echoable ? new CloseWebSocketFrame(status, "") : new CloseWebSocketFrame());
            ctx.channel().close();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame message) {
            if (ctx.channel() != channel) {
                return;
            }
            long now = System.nanoTime();
            lastFrameNanos = now;
            books.alive();
            ByteBuf content = message.content();
            int length = content.readableBytes();
            if (frame.length < length) {
                frame = new byte[Math.max(length, frame.length * 2)];
            }
            content.getBytes(content.readerIndex(), frame, 0, length);
            tap.onFrame(venue.name(), connectionNumber, now + epochOffsetNanos, frame, 0, length);
            adapter.onFrame(frame, 0, length, now);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel() == channel) {
                disconnected(closeReason != null ? closeReason : "connection closed by the venue", BookState.SYNCING);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (closeReason == null) {
                closeReason = describe(cause);
            }
            ctx.close();
        }
    }
}
