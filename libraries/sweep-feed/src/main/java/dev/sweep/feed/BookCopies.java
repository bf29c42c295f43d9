package dev.sweep.feed;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import java.util.HashMap;
import java.util.Map;

/**
 * The books one querying thread's views are copied into, reused from query to query, so that a steady stream of
 * queries allocates no levels once the copies have grown to the depth the queries need.
 *
 * <p>Not thread-safe: one per querying thread. A view's book is this object's, valid until the next query made
 * with it.
 */
public final class BookCopies {

    private final Map<Instrument, Map<String, OrderBook>> books = new HashMap<>();

    /** The copy of one venue's book of the instrument, made on first use. */
    public OrderBook of(String venue, Instrument instrument) {
        return books.computeIfAbsent(instrument, ignored -> new HashMap<>())
                .computeIfAbsent(venue, ignored -> new OrderBook(venue, instrument, 0));
    }
}
