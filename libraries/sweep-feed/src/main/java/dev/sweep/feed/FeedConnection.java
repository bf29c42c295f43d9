package dev.sweep.feed;

import dev.sweep.core.BookCut;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedListener;
import dev.sweep.venue.KeepAlive;
import dev.sweep.venue.StateCause;
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
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
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
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One venue's WebSocket connection and the books it keeps. Everything here runs on one event loop, the books'
 * single writer: frames are decoded and applied there, and queries take their copies there.
 *
 * <p>Any doubt about a book (a failed checksum, a sequence gap, a rejected frame, a crossed book, a dropped
 * connection, a long silence) ends the same way: the connection is replaced, with jittered exponential backoff,
 * and the books are rebuilt from the new connection's snapshots. A book never mixes data from two connections.
 *
 * <p>A venue that closes every connection after a while ({@link dev.sweep.venue.VenueDescriptor#connectionLife},
 * Binance: 24 h) gets a planned reconnect before then: a second connection with books of its own is opened beside
 * the first, and takes its place only once all its books are live, so that the books never stop being live. Until
 * then it tells nobody of its books' states, and its frames are held back from the tap.
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
    private final List<Instrument> instruments;
    private final FeedSettings settings;
    private final EventLoop loop;
    private final SslContext ssl;
    private final VenueBooks books;
    private final FrameTap tap;
    private final SnapshotFetcher snapshots;
    /** Told of every change of state of these books, as values. */
    private final Consumer<BookStateChange> states;
    /** Nanoseconds: the books' ages, silences and keep-alives are measured with it. */
    private final LongSupplier clock;
    /** Adds to the clock to give wall-clock nanoseconds, for recordings. */
    private final long epochOffsetNanos;
    private int connectionNumber;
    private byte[] frame = new byte[64 * 1024];
    private FeedAdapter adapter;
    private Channel channel;
    private int failedAttempts;
    private long lastFrameNanos;
    /** When the last keep-alive ping went out on this connection; {@link Long#MIN_VALUE} before the first. */
    private long lastPingNanos = Long.MIN_VALUE;
    private String lastProblem;
    /** Why the current connection is being closed by this side, or null. */
    private String closeReason;
    /** The same for the log, where it must not repeat a line already written (a broken book's reason), or null. */
    private String replaceCause;
    private boolean replacing;
    private boolean closed;
    /** The listeners attached to the books, which a connection taking over from this one inherits. */
    private final List<BookListener> attached = new ArrayList<>();
    private ScheduledFuture<?> watchdogTask;
    /** When the current connection's handshake completed (the clock's nanoseconds), 0 before. */
    private long connectedNanos;
    /** No planned reconnect is tried before this time (the clock's nanoseconds): after a replacement failed. */
    private long nextPlanNanos;
    private int failedPlans;
    /** The connection syncing to take over from this one, or null. */
    private FeedConnection successor;
    /** Why the successor is to take over, for the log and the state events: "before the venue's limit of 24 h". */
    private String successionReason;
    /** While this connection syncs to take over: the one it is to replace; else null. */
    private FeedConnection predecessor;
    /** Told when a connection took over from another: the old one, then the new one. */
    private BiConsumer<FeedConnection, FeedConnection> replaced = (old, replacement) -> { };
    /** This connection was replaced, or gave up replacing another: it tells nothing more. */
    private boolean retired;

    FeedConnection(Venue venue, URI endpoint, List<Instrument> instruments, FeedSettings settings, EventLoop loop,
                   SslContext ssl, FrameTap tap, SnapshotFetcher snapshots, Consumer<BookStateChange> states) {
        this.tap = tap;
        this.snapshots = snapshots;
        this.states = states;
        this.venue = venue;
        this.endpoint = endpoint;
        this.instruments = instruments;
        this.settings = settings;
        this.clock = settings.clock();
        this.epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - clock.getAsLong();
        this.loop = loop;
        this.ssl = ssl;
        this.books = venue.newBooks(instruments, this);
    }

    /** A connection to take over from {@code predecessor} in a planned reconnect, numbered after it. */
    private FeedConnection(FeedConnection predecessor) {
        this(predecessor.venue, predecessor.endpoint, predecessor.instruments, predecessor.settings, predecessor.loop,
                predecessor.ssl, new HeldFrames(HeldFrames.unheld(predecessor.tap)), predecessor.snapshots,
                predecessor.states);
        this.predecessor = predecessor;
        this.connectionNumber = predecessor.connectionNumber;
        this.replaced = predecessor.replaced;
    }

    String venue() {
        return venue.name();
    }

    /** Attaches the listener {@code listeners} makes for this venue to the books; before {@link #start}. */
    void attach(Function<Venue, BookListener> listeners) {
        BookListener listener = listeners.apply(venue);
        attached.add(listener);
        books.attach(listener);
    }

    /** Tells {@code replaced} of each planned reconnect, on the loop: the old connection, then the one taking over. */
    void whenReplaced(BiConsumer<FeedConnection, FeedConnection> replaced) {
        this.replaced = replaced;
    }

    void start() {
        loop.execute(this::connect);
        watchdogTask = loop.scheduleAtFixedRate(this::watchdog, WATCHDOG_MILLIS, WATCHDOG_MILLIS,
                TimeUnit.MILLISECONDS);
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
                    long age = book.lastUpdateNanos() == 0 ? -1 : clock.getAsLong() - book.lastUpdateNanos();
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
            if (successor != null) {
                successor.retire();
            }
            snapshots.cancelPending();
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
        // The watchdog times a connection's silence from its handshake on (its own timeout bounds the handshake): the
        // silence of the connection before must not have this one replaced while its handshake is still under way.
        lastFrameNanos = 0;
        connectionNumber++;
        adapter = venue.newAdapter(books);
        snapshots.cancelPending();
        int port = Endpoints.port(endpoint);
        if (connectionNumber == 1) {
            // Later attempts are logged by their outcome, one line each.
            FEED.info("{}: connecting to {}", venue.name(), endpoint);
        }
        ChannelFuture connecting = new Bootstrap()
                .group(loop)
                .channel(Transport.socketChannel(loop))
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
                String unreachable = Endpoints.unreachable(done.cause(), endpoint);
                if (unreachable != null) {
                    disconnected("cannot connect: " + unreachable, BookState.UNREACHABLE);
                } else {
                    disconnected("cannot connect: " + Endpoints.describe(done.cause(), endpoint), BookState.SYNCING);
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
            if (!retired) {
                FEED.info("{}: closed", venue.name());
            }
            return;
        }
        if (predecessor != null) {
            abandon(reason);
            return;
        }
        if (successor != null) {
            // The replacement was to follow this connection's books, not to stand in for them when they fail.
            successor.abandon("the connection it was to replace was lost");
        }
        lastProblem = reason;
        if (next == BookState.UNREACHABLE) {
            books.unreachable(reason);
        } else {
            // A broken book's own event said why: its fall back to syncing names the cause, not the reason again.
            if (replaceCause == null) {
                books.resyncing(StateCause.DISCONNECT, reason);
            } else {
                books.resyncing(StateCause.RESYNC, "connection replaced: " + replaceCause);
            }
        }
        long delay = settings.backoffMillis(failedAttempts++);
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

    private void watchdog() {
        if (channel == null || !channel.isActive() || lastFrameNanos == 0) {
            return;
        }
        long now = clock.getAsLong();
        long silentNanos = now - lastFrameNanos;
        long timeout = venue.silenceTimeout().toNanos();
        if (silentNanos > DEAD_AFTER_TIMEOUTS * timeout) {
            String silent = "silent for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s";
            replace(silent, silent);
        } else if (silentNanos > timeout) {
            books.stale("silent for " + TimeUnit.NANOSECONDS.toMillis(silentNanos) + " ms");
        }
        keepAlive(now);
        planReconnect(now);
    }

    /**
     * Opens the connection to take over from this one once it is old enough that the venue will soon close it, if
     * every book is live: a book that is not is rebuilt by its own resync first.
     */
    private void planReconnect(long now) {
        Optional<Duration> after = venue.descriptor().plannedReconnect();
        if (after.isEmpty() || successor != null || predecessor != null || connectedNanos == 0 || now < nextPlanNanos
                || now - connectedNanos < after.get().toNanos() || !books.allLive()) {
            return;
        }
        FEED.info("{}: opening a connection to replace this one before the venue closes it ({} after opening)",
                venue.name(), describe(venue.descriptor().connectionLife()));
        openSuccessor("before the venue's limit of " + describe(venue.descriptor().connectionLife()));
    }

    /** Opens the connection to take over from this one once its books are all live. */
    private void openSuccessor(String reason) {
        successionReason = reason;
        successor = new FeedConnection(this);
        successor.start();
    }

    /** The replacement's books are all live: it takes the old connection's place, listeners and all. */
    private void takeOver() {
        FeedConnection old = predecessor;
        if (old == null || retired || !books.allLive()) {
            return; // given up, or a book broke, since it was live
        }
        predecessor = null;
        old.successor = null;
        ((HeldFrames) tap).release();
        for (BookListener listener : old.attached) {
            attached.add(listener);
            books.attachLive(listener);
        }
        replaced.accept(old, this);
        old.retire();
        String reason = "connection " + connectionNumber + " took over from connection " + old.connectionNumber + " "
                + old.successionReason;
        FEED.info("{}: {}", venue.name(), reason);
        for (int i = 0; i < books.size(); i++) {
            VenueBook book = books.get(i);
            BOOK.info("{} {}: {} -> {} ({})", venue.name(), book.venueSymbol(), BookState.LIVE, book.state(), reason);
            states.accept(new BookStateChange(venue.name(), book.instrument(), book.venueSymbol(), BookState.LIVE,
                    book.state(), StateCause.PLANNED_RECONNECT, reason));
        }
    }

    /** A replacement that failed to sync: it closes, and the connection it was to replace tries again later. */
    private void abandon(String reason) {
        FeedConnection current = predecessor;
        if (current == null || retired) {
            return;
        }
        predecessor = null;
        FEED.warn("{}: the replacement connection failed ({}); the current one stays", venue.name(), reason);
        retire();
        current.successor = null;
        current.nextPlanNanos = clock.getAsLong()
                + TimeUnit.MILLISECONDS.toNanos(settings.backoffMillis(current.failedPlans++));
    }

    /** Stops this connection without a word about its books: another connection keeps them, or none is wanted. */
    private void retire() {
        retired = true;
        closed = true;
        if (watchdogTask != null) {
            watchdogTask.cancel(false);
        }
        if (channel != null) {
            channel.close();
        }
    }

    /** A connection's life for people: {@code 24 h}, {@code 90 s}. */
    private static String describe(Duration life) {
        return life.toSecondsPart() == 0 && life.toMinutesPart() == 0 ? life.toHours() + " h"
                : life.toSeconds() + " s";
    }

    /**
     * Sends the venue's ping once the connection was quiet for the interval its rule gives: the watchdog is the one
     * timer of every venue's keep-alive, whatever its rule and message.
     */
    private void keepAlive(long now) {
        KeepAlive keepAlive = venue.descriptor().keepAlive();
        if (keepAlive.pingDue(Math.max(lastFrameNanos, lastPingNanos), now)) {
            channel.writeAndFlush(new TextWebSocketFrame(keepAlive.message()));
            lastPingNanos = now;
        }
    }

    // FeedListener: what the adapter reports, on this loop.

    @Override
    public void onSubscribed(VenueBook book) {
        FEED.info("{}: subscribed to {}", venue.name(), book.venueSymbol());
    }

    /** Each change is a line of the book log; a broken book has the connection replaced, a live one resets backoff. */
    @Override
    public void onBookState(VenueBook book, BookState from, BookState to, StateCause cause, String reason) {
        if (retired) {
            return;
        }
        if (predecessor != null) {
            syncingToTakeOver(book, from, to, reason);
            return;
        }
        if (to == BookState.BROKEN) {
            BOOK.warn("{} {}: {} -> {} ({})", venue.name(), book.venueSymbol(), from, to, reason);
        } else {
            BOOK.info("{} {}: {} -> {} ({})", venue.name(), book.venueSymbol(), from, to, reason);
        }
        states.accept(new BookStateChange(venue.name(), book.instrument(), book.venueSymbol(), from, to, cause,
                reason));
        if (to == BookState.BROKEN) {
            replace(book.venueSymbol() + ": " + reason, book.venueSymbol() + " is BROKEN");
        } else if (to == BookState.LIVE) {
            failedAttempts = 0;
        }
    }

    /** A replacement's books are its own affair until they are all live; a failing one is given up. */
    private void syncingToTakeOver(VenueBook book, BookState from, BookState to, String reason) {
        BOOK.debug("{} {} (replacement): {} -> {} ({})", venue.name(), book.venueSymbol(), from, to, reason);
        if (to == BookState.LIVE && books.allLive()) {
            // After the frame that made it live is handed on: a listener attached now sees the book once, whole.
            loop.execute(this::takeOver);
        } else if (to != BookState.LIVE && to != BookState.SYNCING) {
            abandon(book.venueSymbol() + " is " + to + ": " + reason);
        }
    }

    /**
     * The venue will soon close this connection: a new one takes over as in a planned reconnect, so that the books stay
     * live. A book that is not live is being resynced already, and the close, when it comes, reconnects it.
     */
    @Override
    public void onCloseAnnounced(String reason) {
        if (retired || predecessor != null) {
            return; // a replacement serves no book yet: the connection it replaces was told too
        }
        FEED.info("{}: {}", venue.name(), reason);
        if (successor == null && books.allLive()) {
            openSuccessor("after the venue announced its close (" + reason + ")");
        }
    }

    /**
     * Answers at once when the venue's rule says to: a venue that asks drops a connection that does not answer in time
     * (Crypto.com: 5 s).
     */
    @Override
    public void onHeartbeatRequest(long id) {
        if (venue.descriptor().keepAlive().rule() == KeepAlive.Rule.ANSWER_HEARTBEAT) {
            channel.writeAndFlush(new TextWebSocketFrame(venue.heartbeatAnswer(id)));
        }
    }

    /**
     * Only subscriptions and keep-alives are ever sent, and a venue answers a keep-alive it asked for, so an error
     * while books wait for their snapshot is the venue refusing them: those books are rejected.
     */
    @Override
    public void onVenueError(String message) {
        FEED.warn("{}: the venue reports: {}", venue.name(), message);
        lastProblem = "venue error: " + message;
        books.rejected(message);
    }

    @Override
    public void onFrameRejected(String reason) {
        DECODER.warn("{}: frame rejected: {}", venue.name(), reason);
    }

    @Override
    public void onSnapshotWanted(VenueBook book, int attempt, String reason) {
        snapshots.fetch(new TappedSnapshots(adapter, connectionNumber), book, attempt, reason);
    }

    /** The adapter that asked for a snapshot: the tap sees its answer first, under the asking connection's number. */
    private final class TappedSnapshots implements FeedAdapter {

        private final FeedAdapter asker;
        private final int connection;

        TappedSnapshots(FeedAdapter asker, int connection) {
            this.asker = asker;
            this.connection = connection;
        }

        @Override
        public void onFrame(byte[] buffer, int offset, int length, long receiveNanos) {
            asker.onFrame(buffer, offset, length, receiveNanos);
        }

        @Override
        public void onSnapshot(VenueBook book, byte[] buffer, int offset, int length, long receiveNanos) {
            tap.onSnapshot(venue.name(), connection, receiveNanos + epochOffsetNanos, book.instrument(), buffer, offset,
                    length);
            asker.onSnapshot(book, buffer, offset, length, receiveNanos);
        }

        @Override
        public void onSnapshotFailed(VenueBook book, String reason) {
            asker.onSnapshotFailed(book, reason);
        }
    }

    /** The end of the pipeline: handshake, subscribe, frames to the adapter, close. */
    private final class FrameHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                FEED.info("{}: connected", venue.name());
                books.resyncing(StateCause.CONNECTED, "connected");
                lastFrameNanos = clock.getAsLong();
                connectedNanos = lastFrameNanos;
                lastPingNanos = Long.MIN_VALUE;
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
            long now = clock.getAsLong();
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
                closeReason = Endpoints.describe(cause, endpoint);
            }
            ctx.close();
        }
    }
}
