package dev.sweep.venue;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.venue.server.RestAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One connection's books and adapter for a venue, fed frames directly: no network, as the adapters see it. For a venue
 * whose snapshots come over REST, the snapshots the adapter asks for wait until the test answers them
 * ({@link #answerSnapshot}), or are answered at once by the venue's server side ({@link #snapshotsFrom}).
 */
public final class VenueHarness {

    private final FeedEvents events = new FeedEvents();
    private final Venue venue;
    private final VenueBooks books;
    private final List<String> wantedSnapshots = new ArrayList<>();
    private FeedAdapter adapter;
    private DialectHarness snapshots;
    private long clock;

    public VenueHarness(Venue venue, String... symbols) {
        this.venue = venue;
        this.books = venue.newBooks(Arrays.stream(symbols).map(Instrument::of).toList(), events);
        this.adapter = venue.newAdapter(books);
    }

    /**
     * The symbol of the venue's book of {@code base} in its own quote currency: {@code BTC-USD}, or {@code BTC-USDT}
     * on a venue listing no USD books (the simulator serves a venue only what it lists).
     */
    public static String symbol(Venue venue, String base) {
        Instrument usd = Instrument.of(base + "-USD");
        return venue.lists(usd) ? usd.symbol() : base + "-USDT";
    }

    /** A new connection, as a feed makes one to resync: every book waits for a fresh snapshot. */
    public VenueHarness reconnect() {
        books.resyncing(StateCause.CONNECTED, "a new connection");
        adapter = venue.newAdapter(books);
        events.takeWantedSnapshots();
        wantedSnapshots.clear();
        return this;
    }

    /** Answers every snapshot the adapter asks for with the REST answer of {@code server}, at once. */
    public VenueHarness snapshotsFrom(DialectHarness server) {
        this.snapshots = server;
        return serveWantedSnapshots();
    }

    /** The symbols whose snapshots the adapter asked for and no one answered yet, oldest first. */
    public List<String> wantedSnapshots() {
        collectWantedSnapshots();
        return List.copyOf(wantedSnapshots);
    }

    /**
     * Hands the adapter the answer to the oldest request for the book's snapshot, as a feed does: the body of a
     * {@code 200}, else the status as the reason it failed.
     */
    public VenueHarness answerSnapshot(String symbol, RestAnswer answer) {
        collectWantedSnapshots();
        if (!wantedSnapshots.remove(symbol)) {
            throw new IllegalStateException("no snapshot of " + symbol + " was asked for");
        }
        deliver(symbol, answer);
        return serveWantedSnapshots();
    }

    private void deliver(String symbol, RestAnswer answer) {
        if (answer.isOk()) {
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            adapter.onSnapshot(book(symbol), body, 0, body.length, ++clock);
        } else {
            adapter.onSnapshotFailed(book(symbol), "HTTP " + answer.status());
        }
    }

    private VenueHarness serveWantedSnapshots() {
        collectWantedSnapshots();
        while (snapshots != null && !wantedSnapshots.isEmpty()) {
            String symbol = wantedSnapshots.remove(0);
            deliver(symbol, snapshots.snapshot(Instrument.of(symbol)));
            collectWantedSnapshots();
        }
        return this;
    }

    private void collectWantedSnapshots() {
        events.takeWantedSnapshots().forEach(wanted -> wantedSnapshots.add(wanted.symbol()));
    }

    /** Feeds every frame, in order. */
    public VenueHarness feed(List<String> frames) {
        frames.forEach(this::feed);
        return this;
    }

    public FeedEvents events() {
        return events;
    }

    public VenueBooks books() {
        return books;
    }

    /** The adapter of the current connection, to feed frames to directly where the harness's own steps would count. */
    public FeedAdapter adapter() {
        return adapter;
    }

    /** Feeds one text frame. */
    public VenueHarness feed(String frame) {
        return feed(frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Feeds raw bytes as one frame, placed at an offset in a larger buffer as a network layer would. */
    public VenueHarness feed(byte[] frame) {
        byte[] buffer = new byte[frame.length + 16];
        System.arraycopy(frame, 0, buffer, 7, frame.length);
        adapter.onFrame(buffer, 7, frame.length, ++clock);
        return serveWantedSnapshots();
    }

    /** Feeds a fixture from {@code src/test/resources}. */
    public VenueHarness feedResource(String path) {
        return feed(resource(path));
    }

    public VenueBook book(String symbol) {
        for (int i = 0; i < books.size(); i++) {
            if (books.get(i).instrument().symbol().equals(symbol)) {
                return books.get(i);
            }
        }
        throw new IllegalArgumentException("no book " + symbol);
    }

    public static String resource(String path) {
        try (InputStream in = VenueHarness.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frame with one byte replaced ({@code kind} 0), inserted (1) or removed (2) at {@code at}. */
    public static byte[] mutate(byte[] frame, int at, byte replacement, int kind) {
        byte[] mutated = new byte[frame.length + (kind == 1 ? 1 : kind == 2 ? -1 : 0)];
        System.arraycopy(frame, 0, mutated, 0, at);
        switch (kind) {
            case 0 -> {
                mutated[at] = replacement;
                System.arraycopy(frame, at + 1, mutated, at + 1, frame.length - at - 1);
            }
            case 1 -> {
                mutated[at] = replacement;
                System.arraycopy(frame, at, mutated, at + 1, frame.length - at);
            }
            default -> System.arraycopy(frame, at + 1, mutated, at, frame.length - at - 1);
        }
        return mutated;
    }

    /** A side as {@code price@size} strings, best first. */
    public static List<String> levels(BookSide side, Instrument instrument) {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < side.depth(); i++) {
            levels.add(FixedPoint.format(side.price(i), instrument.priceScale()) + "@"
                    + FixedPoint.format(side.size(i), instrument.sizeScale()));
        }
        return levels;
    }

    /** A book's bids then asks, each as {@code price@size} strings best first: a value to compare books by. */
    public static List<List<String>> sides(OrderBook book) {
        return List.of(levels(book.bids(), book.instrument()), levels(book.asks(), book.instrument()));
    }

    /** Whether two books hold exactly the same levels. */
    public static boolean sameLevels(OrderBook a, OrderBook b) {
        return sameSide(a.bids(), b.bids()) && sameSide(a.asks(), b.asks());
    }

    private static boolean sameSide(BookSide a, BookSide b) {
        if (a.depth() != b.depth()) {
            return false;
        }
        for (int i = 0; i < a.depth(); i++) {
            if (a.price(i) != b.price(i) || a.size(i) != b.size(i)) {
                return false;
            }
        }
        return true;
    }
}
