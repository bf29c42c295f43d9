package dev.sweep.venue;

import dev.sweep.core.BookSide;
import dev.sweep.core.FixedPoint;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One connection's books and adapter for a venue, fed frames directly: no network, as the adapters see it. */
public final class VenueHarness {

    private final FeedEvents events = new FeedEvents();
    private final VenueBooks books;
    private final FeedAdapter adapter;
    private long clock;

    public VenueHarness(Venue venue, String... symbols) {
        this.books = venue.newBooks(Arrays.stream(symbols).map(Instrument::of).toList(), events);
        this.adapter = venue.newAdapter(books);
    }

    public FeedEvents events() {
        return events;
    }

    public VenueBooks books() {
        return books;
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
        return this;
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

    /** A side as {@code price@size} strings, best first. */
    public static List<String> levels(BookSide side, Instrument instrument) {
        List<String> levels = new ArrayList<>();
        for (int i = 0; i < side.depth(); i++) {
            levels.add(FixedPoint.format(side.price(i), instrument.priceScale()) + "@"
                    + FixedPoint.format(side.size(i), instrument.sizeScale()));
        }
        return levels;
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
