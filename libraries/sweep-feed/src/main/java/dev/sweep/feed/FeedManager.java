package dev.sweep.feed;

import dev.sweep.core.BookCut;
import dev.sweep.core.Instrument;
import dev.sweep.venue.BookListener;
import dev.sweep.venue.Venue;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * The live books of a set of venues: one {@link FeedConnection} per venue, each on its own event loop. Queries
 * never lock a book: each connection copies its book on its own thread, and the copies are gathered here.
 */
public final class FeedManager implements LiveBooks {

    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(5);
    /** How long closing waits for the connections' Close frames to go out, in all. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private final EventLoopGroup group;
    /** Changed on a connection's loop when another takes over from it, read by queries on any thread. */
    private final List<FeedConnection> connections = new CopyOnWriteArrayList<>();
    private final StateListeners stateListeners = new StateListeners();
    /** The instruments each connection follows, in the order of {@link #connections}. */
    private final List<List<Instrument>> instruments = new ArrayList<>();
    private boolean closed;

    /**
     * @param venues      the venues to follow
     * @param endpoints   where to connect, by venue name; a venue not named here uses its production endpoint
     * @param instruments the instruments to keep books of, on every venue that {@linkplain Venue#lists lists} them
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
        this(venues, endpoints, Map.of(), instruments, settings, tap);
    }

    /**
     * @param restEndpoints where to fetch snapshots, by venue name, for venues whose WebSocket sends none
     *                      ({@link Venue#restSnapshots()}); a venue not named here uses its production REST endpoint
     */
    public FeedManager(List<Venue> venues, Map<String, URI> endpoints, Map<String, URI> restEndpoints,
                       List<Instrument> instruments, FeedSettings settings, FrameTap tap) {
        this(venues, endpoints, restEndpoints, listedBy(venues, instruments), settings, tap);
    }

    /**
     * @param instruments the instruments to keep books of, by venue name: each venue its own (a venue listing USDT
     *                    books and no USD ones follows BTC-USDT for a USD sweep); a venue with none is not connected
     */
    public FeedManager(List<Venue> venues, Map<String, URI> endpoints, Map<String, URI> restEndpoints,
                       Map<String, List<Instrument>> instruments, FeedSettings settings, FrameTap tap) {
        this.group = new MultiThreadIoEventLoopGroup(Math.max(1, Math.min(venues.size(),
                Runtime.getRuntime().availableProcessors())), Transport.ioHandlers());
        SslContext ssl = tls(settings);
        for (Venue venue : venues) {
            List<Instrument> followed = List.copyOf(instruments.getOrDefault(venue.name(), List.of()));
            if (followed.isEmpty()) {
                continue; // a venue quoting in other currencies has no book of these instruments
            }
            URI endpoint = endpoints.getOrDefault(venue.name(), venue.defaultEndpoint());
            if (!"ws".equals(endpoint.getScheme()) && !"wss".equals(endpoint.getScheme())) {
                throw new IllegalArgumentException(venue.name() + " endpoint must be ws:// or wss://: " + endpoint);
            }
            Optional<URI> rest = restEndpoint(venue, restEndpoints);
            EventLoop loop = group.next();
            this.instruments.add(followed);
            connections.add(new FeedConnection(venue, endpoint, followed, settings, loop,
                    "wss".equals(endpoint.getScheme()) ? ssl : null, tap,
                    new SnapshotFetcher(venue, rest, settings, loop, ssl), stateListeners));
            connections.get(connections.size() - 1).whenReplaced((old, replacement) ->
                    connections.replaceAll(connection -> connection == old ? replacement : connection));
        }
    }

    /** The instruments each venue {@linkplain Venue#lists lists}, by venue name. */
    private static Map<String, List<Instrument>> listedBy(List<Venue> venues, List<Instrument> instruments) {
        Map<String, List<Instrument>> byVenue = new HashMap<>();
        venues.forEach(venue -> byVenue.put(venue.name(), instruments.stream().filter(venue::lists).toList()));
        return byVenue;
    }

    /** The venue's REST endpoint: the one given, else its production one; empty for a venue that takes none. */
    private static Optional<URI> restEndpoint(Venue venue, Map<String, URI> restEndpoints) {
        URI given = restEndpoints.get(venue.name());
        if (given == null) {
            return venue.descriptor().rest();
        }
        if (venue.restSnapshots().isEmpty()) {
            throw new IllegalArgumentException(venue.name() + " takes no REST endpoint: its WebSocket sends its"
                    + " snapshots");
        }
        if (!"http".equals(given.getScheme()) && !"https".equals(given.getScheme())) {
            throw new IllegalArgumentException(venue.name() + " REST endpoint must be http:// or https://: " + given);
        }
        return Optional.of(given);
    }

    /**
     * Attaches to each connection's books the listener {@code listeners} makes for its venue, which then sees every
     * change that passed the feed's checks ({@link dev.sweep.venue.VenueBooks#attach}). Before {@link #start}.
     */
    public FeedManager attach(Function<Venue, BookListener> listeners) {
        connections.forEach(connection -> connection.attach(listeners));
        return this;
    }

    /** Connects every venue; books become live as their snapshots arrive. */
    public FeedManager start() {
        connections.forEach(FeedConnection::start);
        return this;
    }

    /** Consistent copies of the whole book of the instrument of every venue following it, in venue order. */
    public List<BookView> views(Instrument instrument) {
        return views(instrument, BookCut.WHOLE, new BookCopies());
    }

    /**
     * Consistent copies of the book of the instrument of every venue following it, in venue order, cut to what the
     * query needs and written into {@code copies}, whose books the views hold until the next query made with them.
     */
    @Override
    public List<BookView> views(Instrument instrument, BookCut cut, BookCopies copies) {
        List<CompletableFuture<BookView>> pending = new ArrayList<>();
        for (int i = 0; i < connections.size(); i++) {
            FeedConnection connection = connections.get(i);
            if (instruments.get(i).contains(instrument)) {
                pending.add(connection.view(instrument, cut, copies.of(connection.venue(), instrument)));
            }
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
     * passes: no longer than a book can still become live. The wait follows the books' changes of state as they
     * happen, without polling.
     *
     * @param progress told, on this thread, of the books' states when the wait starts and of each change, e.g. to show
     *                 which venues are still syncing
     * @return the views at the end of the wait
     */
    public List<BookView> awaitLive(Instrument instrument, Duration timeout, WaitProgress progress)
            throws InterruptedException {
        return awaitLive(instrument, BookCut.WHOLE, new BookCopies(), timeout, progress);
    }

    /**
     * Tells {@code listener} of every change of state of every book from now on. It is called on the connections'
     * threads, each venue's changes in order: it must be quick, and must neither block nor throw.
     */
    @Override
    public void addStateListener(Consumer<BookStateChange> listener) {
        stateListeners.add(listener);
    }

    @Override
    public void removeStateListener(Consumer<BookStateChange> listener) {
        stateListeners.remove(listener);
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
    static SslContext tls(FeedSettings settings) {
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
