package dev.sweep.core;

/**
 * The Level-2 book of one instrument on one venue: aggregated size per price on each side, exact to the instrument's
 * scales.
 *
 * <p>Totality: {@link #set} with size 0 on an absent level does nothing; {@link #truncate} on a shallower book does
 * nothing. Invalid arguments (a non-positive price, a negative size) are programming errors of the caller, which must
 * have rejected the input before, and throw {@link IllegalArgumentException} without touching the book.
 */
public final class OrderBook {

    private final String venue;
    private final Instrument instrument;
    private final BookSide bids = new BookSide(Side.BID);
    private final BookSide asks = new BookSide(Side.ASK);
    private int pricePrecision;

    /**
     * @param venue          the venue's name, lower case ({@code "kraken"})
     * @param instrument     the instrument and its scales
     * @param pricePrecision the number of decimals the venue quotes prices with, for display
     */
    public OrderBook(String venue, Instrument instrument, int pricePrecision) {
        this.venue = venue;
        this.instrument = instrument;
        setPricePrecision(pricePrecision);
    }

    public String venue() {
        return venue;
    }

    public Instrument instrument() {
        return instrument;
    }

    /** The number of decimals the venue quotes prices with; reports round VWAPs to two more than this. */
    public int pricePrecision() {
        return pricePrecision;
    }

    public void setPricePrecision(int pricePrecision) {
        if (pricePrecision < 0 || pricePrecision > instrument.priceScale()) {
            throw new IllegalArgumentException("price precision must be in [0, " + instrument.priceScale() + "]: "
                    + pricePrecision);
        }
        this.pricePrecision = pricePrecision;
    }

    public BookSide bids() {
        return bids;
    }

    public BookSide asks() {
        return asks;
    }

    public BookSide side(Side side) {
        return side == Side.BID ? bids : asks;
    }

    /**
     * Sets the total size at a price level; size 0 deletes it.
     *
     * @return how many levels from the best of that side the change happened, or {@link BookSide#UNCHANGED}
     * @see BookSide#set(long, long)
     */
    public int set(Side side, long price, long size) {
        if (price <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return side(side).set(price, size);
    }

    /**
     * Replaces every level of one side with the given levels, in any order, sorting them once: how a whole book is
     * loaded from a file.
     *
     * @return {@link BookSide#NO_PRICE}, or a price listed more than once (the side is then left unchanged)
     * @see BookSide#load(long[], long[], int)
     */
    public long load(Side side, long[] prices, long[] sizes, int count) {
        return side(side).load(prices, sizes, count);
    }

    /** Keeps only the best {@code maxLevels} levels on each side. */
    public void truncate(int maxLevels) {
        bids.truncate(maxLevels);
        asks.truncate(maxLevels);
    }

    /** Removes every level on both sides (before a snapshot is applied). */
    public void clear() {
        bids.clear();
        asks.clear();
    }

    /** The best bid, or {@link BookSide#NO_PRICE}. */
    public long bestBid() {
        return bids.bestPrice();
    }

    /** The best ask, or {@link BookSide#NO_PRICE}. */
    public long bestAsk() {
        return asks.bestPrice();
    }

    /**
     * Whether the best bid is at or above the best ask. On a single venue that never happens in a consistent book, so
     * it is evidence of a missed or misapplied update.
     */
    public boolean isCrossed() {
        return !bids.isEmpty() && !asks.isEmpty() && bids.bestPrice() >= asks.bestPrice();
    }

    /**
     * Makes this book a copy of {@code source}, cut to what a query needs, reusing this book's arrays: how a query
     * copies a live book on the thread that writes it without allocating once its copies have grown.
     *
     * @throws IllegalArgumentException when the books are of different venues or instruments
     */
    public void copyFrom(OrderBook source, BookCut cut) {
        if (!source.venue.equals(venue) || !source.instrument.equals(instrument)) {
            throw new IllegalArgumentException("cannot copy the " + source + " book into the " + this + " book");
        }
        pricePrecision = source.pricePrecision;
        bids.copyBest(source.bids, cut.levels(source.bids));
        asks.copyBest(source.asks, cut.levels(source.asks));
    }

    /** A new book with the same venue, instrument, precision and levels. */
    public OrderBook copy() {
        OrderBook copy = new OrderBook(venue, instrument, pricePrecision);
        copy.bids.copyFrom(bids);
        copy.asks.copyFrom(asks);
        return copy;
    }

    @Override
    public String toString() {
        return venue + " " + instrument + " (" + bids.depth() + " bids, " + asks.depth() + " asks)";
    }
}
