package dev.sweep.venue.server;

import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import java.util.List;
import java.util.Optional;

/** A simulated venue's market as its dialects read it: the instruments it lists and its books of them. */
public interface MarketView {

    /** The instruments the simulated venue lists, in a fixed order. */
    List<Instrument> instruments();

    /** The listed instrument the venue writes as {@code venueSymbol} ({@code BTC/USD}), if any. */
    Optional<Instrument> instrument(String venueSymbol);

    /** The venue's own book of a listed instrument: the truth its client must end up with. Read it; never change it. */
    OrderBook book(Instrument instrument);

    /**
     * How many level changes the book has gone through: the id of the last one, for venues that number a book's
     * changes (Binance's update ids). The changes {@link ServerSession#onBookChange} reports are numbered up to it.
     */
    long updateId(Instrument instrument);
}
