package dev.sweep.venue;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import dev.sweep.core.Side;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A listener attached to a connection's books besides the live ones, as a recorder or a publisher would be, that
 * rebuilds each book from the events it is handed and nothing else.
 */
public final class BookReplica implements BookListener {

    private final Map<Instrument, OrderBook> books = new LinkedHashMap<>();
    private long applied;

    /** The book rebuilt for the instrument, empty before its first snapshot. */
    public OrderBook book(Instrument instrument) {
        return books.computeIfAbsent(instrument, key -> new OrderBook("replica", key, 0));
    }

    /** Snapshots and updates completed. */
    public long applied() {
        return applied;
    }

    @Override
    public void onSnapshot(VenueBook book) {
        book(book.instrument()).clear();
    }

    @Override
    public void onLevel(VenueBook book, Side side, long price, long size) {
        book(book.instrument()).set(side, price, size);
    }

    @Override
    public void onApplied(VenueBook book, long receiveNanos, long venueSeq, long venueNanos) {
        applied++;
    }
}
