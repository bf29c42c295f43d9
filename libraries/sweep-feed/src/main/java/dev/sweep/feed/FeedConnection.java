package dev.sweep.feed;

import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
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
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
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

    /** A consistent copy of the instrument's book, taken on the connection's thread. */
    CompletableFuture<BookView> view(Instrument instrument) {
        CompletableFuture<BookView> view = new CompletableFuture<>();
        loop.execute(() -> {
            for (int i = 0; i < books.size(); i++) {
                VenueBook book = books.get(i);
                if (book.instrument().equals(instrument)) {
                    long age = book.lastUpdateNanos() == 0 ? -1 : System.nanoTime() - book.lastUpdateNanos();
                    view.complete(new BookView(venue.name(), book.state(), book.book().copy(), age, book.updates(),
                            book.resyncs(), lastProblem));
                    return;
                }
            }
            view.completeExceptionally(new IllegalArgumentException(venue.name() + " has no " + instrument + " book"));
        });
        return view;
    }

    void close() {
        loop.execute(() -> {
            closed = true;
            if (channel != null) {
                channel.close();
            }
        });
    }

    private void connect() {
        if (closed) {
            return;
        }
        replacing = false;
        closeReason = null;
        connectionNumber++;
        books.resyncing();
        adapter = venue.newAdapter(books);
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : "wss".equals(endpoint.getScheme()) ? 443 : 80;
        FEED.info("{}: connecting to {}", venue.name(), endpoint);
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
                                        .build()),
                                new WebSocketFrameAggregator(settings.maxMessageBytes()),
                                new FrameHandler());
                    }
                })
                .connect(endpoint.getHost(), port);
        channel = connecting.channel();
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                disconnected("cannot connect: " + describe(done.cause()));
            }
        });
    }

    /** The socket closed or could not open: books cannot be trusted; try again after the backoff. */
    private void disconnected(String reason) {
        if (closed) {
            FEED.info("{}: closed", venue.name());
            return;
        }
        if (!reason.equals(lastProblem)) {
            FEED.warn("{}: {}", venue.name(), reason);
        }
        lastProblem = reason;
        for (int i = 0; i < books.size(); i++) {
            VenueBook book = books.get(i);
            if (book.state() != BookState.SYNCING) {
                BOOK.info("{} {}: {} -> SYNCING ({})", venue.name(), book.venueSymbol(), book.state(), reason);
            }
        }
        books.resyncing();
        long delay = backoffMillis(failedAttempts++);
        FEED.info("{}: reconnecting in {} ms (attempt {})", venue.name(), delay, failedAttempts);
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Closes the connection so that it is replaced; its books are rebuilt from the next one's snapshots. */
    private void replace(String reason) {
        if (replacing || channel == null) {
            return;
        }
        replacing = true;
        closeReason = reason;
        FEED.warn("{}: replacing the connection: {}", venue.name(), reason);
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
            replace("silent for " + TimeUnit.NANOSECONDS.toSeconds(silentNanos) + " s");
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
        replace(book.venueSymbol() + ": " + reason);
    }

    @Override
    public void onHeartbeat() {
        // Liveness is tracked per frame, whatever it carries.
    }

    @Override
    public void onVenueError(String message) {
        FEED.warn("{}: the venue reports: {}", venue.name(), message);
        lastProblem = "venue error: " + message;
    }

    @Override
    public void onFrameRejected(String reason) {
        DECODER.warn("{}: frame rejected: {}", venue.name(), reason);
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
                disconnected(closeReason != null ? closeReason : "connection closed by the venue");
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
