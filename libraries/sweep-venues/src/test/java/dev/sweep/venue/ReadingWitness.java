package dev.sweep.venue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sweep.core.Instrument;
import dev.sweep.core.Side;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One connection's books read by an adapter, with all it tells the feed listener, hands an attached listener and
 * leaves in the books recorded as values: two witnesses fed the same frames, one reading them with a reader of the
 * venue's own layout and one the general way, must have seen the same.
 */
public final class ReadingWitness {

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
