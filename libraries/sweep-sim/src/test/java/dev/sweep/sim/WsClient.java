package dev.sweep.sim;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.FeedAdapter;
import dev.sweep.venue.FeedEvents;
import dev.sweep.venue.Venue;
import dev.sweep.venue.VenueBook;
import dev.sweep.venue.VenueBooks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) that feeds every text frame to a venue's adapter, as Sweep's feed will: the
 * test's view of what a client of the simulator gets. For a venue whose snapshots come over REST, it fetches each
 * snapshot the adapter asks for from the simulator's REST path on the same port, giving up after
 * {@link #SNAPSHOT_TIMEOUT}. Frames and answers arrive on the HTTP client's threads; every access goes through this
 * object's lock.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    /** Shorter than the simulator holds a slow snapshot back. */
    static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(2);

    private final FeedEvents events = new FeedEvents();
    private final HttpClient http = HttpClient.newHttpClient();
    /** Where the venue's REST requests go, for a venue whose snapshots come over REST. */
    private final Optional<URI> rest;
    private final VenueBooks books;
    private final FeedAdapter adapter;
    private final List<String> frames = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean reading;
    private final Venue venue;
    private WebSocket socket;
    private boolean closed;
    private long received;

    private WsClient(URI uri, Venue venue, List<Instrument> instruments, boolean reading) {
        this.books = venue.newBooks(instruments, events);
        this.adapter = venue.newAdapter(books);
        this.reading = reading;
        this.rest = venue.descriptor().simulatorRestPath().map(path -> URI.create(
                ("wss".equals(uri.getScheme()) ? "https://" : "http://") + uri.getHost() + ":" + uri.getPort() + path));
        this.venue = venue;
    }

    /** Connects and keeps reading. */
    static WsClient connect(URI uri, Venue venue, String... symbols) {
        return connect(uri, venue, true, symbols);
    }

    /** Connects; a client that is not {@code reading} takes one frame and then stops reading, like a stuck consumer. */
    static WsClient connect(URI uri, Venue venue, boolean reading, String... symbols) {
        WsClient client = new WsClient(uri, venue, List.of(symbols).stream().map(Instrument::of).toList(), reading);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Sends the venue's subscribe messages for the client's instruments. */
    WsClient subscribe(Venue venue) {
        List<Instrument> instruments = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < books.size(); i++) {
                instruments.add(books.get(i).instrument());
            }
        }
        venue.subscribeMessages(instruments).forEach(this::send);
        return this;
    }

    void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (this) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                frames.add(frame.length() > 1_000_000 ? frame.substring(0, 100) + "…(" + frame.length() + " chars)"
                        : frame);
                received++;
                byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
                adapter.onFrame(bytes, 0, bytes.length, System.nanoTime());
                fetchWantedSnapshots();
            }
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    /** Fetches the snapshots the adapter asked for, a retry a little later than the attempt before; under the lock. */
    private void fetchWantedSnapshots() {
        for (FeedEvents.SnapshotWanted wanted : events.takeWantedSnapshots()) {
            VenueBook book = book(wanted.symbol());
            URI uri = URI.create(rest.orElseThrow() + venue.restSnapshots().orElseThrow().request(book.instrument()));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(SNAPSHOT_TIMEOUT).build();
            CompletableFuture.runAsync(() -> { },
                            CompletableFuture.delayedExecutor(100L * wanted.attempt(), TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                    .whenComplete((response, error) -> onSnapshot(book, response, error));
        }
    }

    private synchronized void onSnapshot(VenueBook book, HttpResponse<byte[]> response, Throwable error) {
        if (error != null) {
            adapter.onSnapshotFailed(book, error.toString());
        } else if (response.statusCode() != 200) {
            adapter.onSnapshotFailed(book, "HTTP " + response.statusCode());
        } else {
            adapter.onSnapshot(book, response.body(), 0, response.body().length, System.nanoTime());
        }
        fetchWantedSnapshots();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        synchronized (this) {
            closed = true;
        }
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        synchronized (this) {
            closed = true;
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized long received() {
        return received;
    }

    synchronized List<String> frames() {
        return List.copyOf(frames);
    }

    synchronized List<FeedEvents.Event> events() {
        return List.copyOf(events.events());
    }

    synchronized List<FeedEvents.Change> changes() {
        return List.copyOf(events.changes());
    }

    synchronized VenueBook book(String symbol) {
        for (int i = 0; i < books.size(); i++) {
            if (books.get(i).instrument().symbol().equals(symbol)) {
                return books.get(i);
            }
        }
        throw new IllegalArgumentException(symbol);
    }

    /** Whether the client's book holds exactly the levels of {@code truth}. */
    synchronized boolean bookEquals(String symbol, OrderBook truth) {
        return dev.sweep.venue.VenueHarness.sameLevels(book(symbol).book(), truth);
    }

    /** Waits until the condition holds, or fails after the timeout. */
    void await(String what, Duration timeout, Predicate<WsClient> condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; events: " + events()
                        + "; last frames: " + lastFrames());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    private List<String> lastFrames() {
        List<String> all = frames();
        return all.subList(Math.max(0, all.size() - 3), all.size()).stream()
                .map(frame -> frame.length() > 300 ? frame.substring(0, 300) + "…" : frame).toList();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
