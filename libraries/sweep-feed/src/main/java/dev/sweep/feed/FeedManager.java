package dev.sweep.feed;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.venue.Venue;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The live books of a set of venues: one {@link FeedConnection} per venue, each on its own event loop. Queries
 * never lock a book: each connection copies its book on its own thread, and the copies are gathered here.
 */
public final class FeedManager implements AutoCloseable {

    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(5);
    /** How long closing waits for the connections' Close frames to go out, in all. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private final EventLoopGroup group;
    private final List<FeedConnection> connections = new ArrayList<>();
    private boolean closed;

    /**
     * @param venues      the venues to follow
     * @param endpoints   where to connect, by venue name; a venue not named here uses its production endpoint
     * @param instruments the instruments to keep books of, on every venue
     */
    public FeedManager(List<Venue> venues, Map<String, URI> endpoints, List<Instrument> instruments,
                       FeedSettings settings) {
        this(venues, endpoints, instruments, settings, FrameTap.NONE);
    }

    /**
     * @param tap sees every frame before it is decoded, e.g. to record it
     */
    public FeedManager(List<Venue> venues, Map<String, URI> endpoints, List<Instrument> instruments,
                       FeedSettings settings, FrameTap tap) {
        this.group = new MultiThreadIoEventLoopGroup(Math.max(1, Math.min(venues.size(),
                Runtime.getRuntime().availableProcessors())), NioIoHandler.newFactory());
        SslContext ssl = tls(settings);
        for (Venue venue : venues) {
            URI endpoint = endpoints.getOrDefault(venue.name(), venue.defaultEndpoint());
            if (!"ws".equals(endpoint.getScheme()) && !"wss".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException(venue.name() + " endpoint must be ws:// or wss://: " + endpoint);
            }
            connections.add(new FeedConnection(venue, endpoint, instruments, settings, group.next(),
                    "wss".equals(endpoint.getScheme()) ? ssl : null, tap));
        }
    }

    /** Connects every venue; books become live as their snapshots arrive. */
    public FeedManager start() {
        connections.forEach(FeedConnection::start);
        return this;
    }

    /** Consistent copies of every venue's whole book of the instrument, in venue order, in books of their own. */
    public List<BookView> views(Instrument instrument) {
        return views(instrument, BookCut.WHOLE, new BookCopies());
    }

    /**
     * Consistent copies of every venue's book of the instrument, in venue order, cut to what the query needs and
     * written into {@code copies}, whose books the views hold until the next query made with them.
     */
    public List<BookView> views(Instrument instrument, BookCut cut, BookCopies copies) {
        List<CompletableFuture<BookView>> pending = new ArrayList<>();
        for (FeedConnection connection : connections) {
            pending.add(connection.view(instrument, cut, copies.of(connection.venue(), instrument)));
        }
        List<BookView> views = new ArrayList<>();
        for (CompletableFuture<BookView> view : pending) {
            try {
                views.add(view.get(VIEW_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the books", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("a feed did not answer: " + e.getMessage(), e);
            }
        }
        return views;
    }

    /**
     * Waits until every venue's book of the instrument is live or has failed (rejected, unreachable), or the timeout
     * passes: no longer than a book can still become live.
     *
     * @param progress told of the books' states every poll, e.g. to show which venues are still syncing
     * @return the views at the end of the wait
     */
    public List<BookView> awaitLive(Instrument instrument, Duration timeout, Consumer<List<BookView>> progress)
            throws InterruptedException {
        return awaitLive(instrument, BookCut.WHOLE, new BookCopies(), timeout, progress);
    }

    /**
     * {@link #awaitLive(Instrument, Duration, Consumer)}, each poll's copies cut to what the query needs and written
     * into {@code copies}.
     */
    public List<BookView> awaitLive(Instrument instrument, BookCut cut, BookCopies copies, Duration timeout,
                                    Consumer<List<BookView>> progress) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<BookView> views = views(instrument, cut, copies);
            progress.accept(views);
            if (views.stream().allMatch(view -> view.isLive() || view.state().hasFailed())
                    || System.nanoTime() >= deadline) {
                return views;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /**
     * Closes every connection with a WebSocket Close frame, waiting at most {@link #CLOSE_TIMEOUT} in all for them to
     * go out, then stops the event loops. Closing again, even from another thread at the same time (a shutdown hook
     * and try-with-resources), waits for the first close and does nothing more.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (FeedConnection connection : connections) {
            closing.add(connection.close());
        }
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        for (CompletableFuture<Void> connection : closing) {
            try {
                connection.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // Slow or failed to close cleanly: stopping the event loops below closes it regardless.
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    /** TLS with host-name verification and the JDK's trusted roots, or the given trust store: never trust-all. */
    private static SslContext tls(FeedSettings settings) {
        SslContextBuilder builder = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
        if (settings.trustStore() != null) {
            builder.trustManager(trustManagers(settings));
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustManagers(FeedSettings settings) {
        char[] password = settings.trustStorePassword() == null ? null : settings.trustStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(settings.trustStore())) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store " + settings.trustStore() + ": "
                    + e.getMessage(), e);
        }
    }
}
