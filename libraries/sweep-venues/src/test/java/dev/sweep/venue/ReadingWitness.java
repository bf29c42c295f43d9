package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.Level;
import dev.sweep.core.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One connection's books read by an adapter, with all it tells the feed listener, hands an attached listener and
 * leaves in the books recorded as values: two witnesses fed the same frames, one reading them with a reader of the
 * venue's own layout and one the general way, must have seen the same.
 */
public final class ReadingWitness {

    private static final Instrument BTC_USD = Instrument.of("BTC-USD");
    private static final Instrument ETH_USD = Instrument.of("ETH-USD");

    private final FeedEvents events = new FeedEvents();
    private final Handed handed = new Handed();
    private final VenueBooks books;
    private final FeedAdapter adapter;
    private long clock;

    public ReadingWitness(Venue venue, List<Instrument> instruments, Function<VenueBooks, FeedAdapter> adapter) {
        this.books = venue.newBooks(instruments, events);
        books.attach(handed);
        this.adapter = adapter.apply(books);
    }

    /** Feeds the frame from inside a larger buffer, as a connection's reused one holds it. */
    public void feed(byte[] frame) {
        byte[] buffer = new byte[frame.length + 16];
        System.arraycopy(frame, 0, buffer, 7, frame.length);
        adapter.onFrame(buffer, 7, frame.length, ++clock);
    }

    /**
     * Serves two books, BTC-USD and ETH-USD, both holding the levels, as the venue's server side writes them: the
     * connection's frames, the subscription's (each edited by one of the edits chosen at random when
     * {@code editSubscription}), then each update (every third to ETH-USD) with its frames edited by the edit of the
     * same index; and requires that the adapter reading them with the venue's own layout reader first and the one
     * reading them the general way see the same ({@link #requireTheSame}).
     */
    public static <E> void requireTheSameOnEditedFrames(Venue venue,
            BiFunction<VenueBooks, Reading, FeedAdapter> adapter, List<Level> levels, List<List<Level>> updates,
            List<E> edits, long seed, boolean editSubscription, Editor<E> editor) {
        List<Instrument> instruments = List.of(BTC_USD, ETH_USD);
        DialectHarness server = new DialectHarness(venue, "BTC-USD", "ETH-USD");
        LevelArbitraries.set(server.truth(BTC_USD), levels);
        LevelArbitraries.set(server.truth(ETH_USD), levels);
        ReadingWitness documented = new ReadingWitness(venue, instruments,
                books -> adapter.apply(books, Reading.DOCUMENTED_LAYOUT_FIRST));
        ReadingWitness general = new ReadingWitness(venue, instruments, books -> adapter.apply(books, Reading.GENERAL));
        SplittableRandom random = new SplittableRandom(seed);
        List<String> frames = new ArrayList<>(server.connect());
        for (String frame : server.subscribe(instruments)) {
            frames.add(editSubscription ? editor.edit(frame, edits.get(random.nextInt(edits.size())), random) : frame);
        }
        for (int i = 0; i < updates.size(); i++) {
            for (String frame : server.change(i % 3 == 2 ? ETH_USD : BTC_USD, updates.get(i))) {
                frames.add(editor.edit(frame, edits.get(i), random));
            }
        }

        requireTheSame(documented, general, frames);
    }

    /**
     * Feeds each frame to a witness that reads it with the venue's own layout reader first and to one that reads it the
     * general way, and requires that after each frame both have seen the same; the frame names any difference.
     */
    public static void requireTheSame(ReadingWitness documented, ReadingWitness general, List<String> frames) {
        for (String frame : frames) {
            byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            documented.feed(bytes);
            general.feed(bytes);

            assertThat(documented.seen()).as(frame).isEqualTo(general.seen());
        }
    }

    /** Everything told, handed on and kept so far. */
    public List<Object> seen() {
        List<Object> seen = new ArrayList<>(List.of(events.events(), events.changes(), handed.changes));
        for (int i = 0; i < books.size(); i++) {
            VenueBook book = books.get(i);
            seen.add(book.state());
            seen.add(VenueHarness.sides(book.book()));
        }
        return seen;
    }

    /** How a test edits a venue's frame before it is fed. */
    @FunctionalInterface
    public interface Editor<E> {
        String edit(String frame, E edit, SplittableRandom random);
    }

    /** What the attached listener is handed, as values. */
    private static final class Handed implements BookListener {

        private final List<String> changes = new ArrayList<>();

        @Override
        public void onSnapshot(VenueBook book) {
            changes.add("snapshot " + book.venueSymbol());
        }

        @Override
        public void onLevel(VenueBook book, Side side, long price, long size) {
            changes.add(book.venueSymbol() + " " + side + " " + price + " " + size);
        }

        @Override
        public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
            changes.add("applied " + book.venueSymbol() + " at " + receiveNanos + " seq " + venueSeq + " time "
                    + venueNanos);
        }
    }
}
