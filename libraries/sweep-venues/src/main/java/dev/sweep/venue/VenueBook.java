package dev.sweep.venue;

import dev.sweep.core.BookSide;
import dev.sweep.core.BookState;
import dev.sweep.core.Instrument;
import dev.sweep.core.OrderBook;
import java.nio.charset.StandardCharsets;

/**
 * One venue's book of one instrument, as a feed keeps it: the levels, the venue's name for the instrument, and
 * whether the book can be trusted. Written only by its connection's thread.
 */
public final class VenueBook {

    private final OrderBook book;
    private final String venueSymbol;
    private final byte[] venueSymbolBytes;
    private final int index;
    private BookState state = BookState.SYNCING;
    private long lastUpdateNanos;
    private long updates;
    private long resyncs;
    private int shallowestChange;
    /** The shallowest change of the snapshot or update being applied, until it is recorded. */
    private int changing = Integer.MAX_VALUE;

    VenueBook(OrderBook book, String venueSymbol, int index) {
        this.book = book;
        this.venueSymbol = venueSymbol;
        this.venueSymbolBytes = venueSymbol.getBytes(StandardCharsets.US_ASCII);
        this.index = index;
    }

    /** The levels. Sweep them only while the state is {@link BookState#LIVE}. */
    public OrderBook book() {
        return book;
    }

    public Instrument instrument() {
        return book.instrument();
    }

    /** The instrument as the venue writes it ({@code BTC/USD}, {@code BTCUSD}). */
    public String venueSymbol() {
        return venueSymbol;
    }

    byte[] venueSymbolBytes() {
        return venueSymbolBytes;
    }

    /** Position of this book among its connection's books, for per-book arrays kept by adapters. */
    public int index() {
        return index;
    }

    public BookState state() {
        return state;
    }

    void setState(BookState state) {
        this.state = state;
    }

    /** When the last snapshot or update was applied ({@link System#nanoTime()} scale), 0 before any. */
    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    /** Snapshots and updates applied. */
    public long updates() {
        return updates;
    }

    /** Times the book was found broken and had to be resynchronised. */
    public long resyncs() {
        return resyncs;
    }

    /**
     * How many levels from the best the shallowest change of the last applied snapshot or update was (0 for a
     * snapshot): a venue check over the top N levels can be skipped when this is N or more.
     */
    public int shallowestChange() {
        return shallowestChange;
    }

    /** A snapshot is being applied: every level changed. */
    void snapshotStarts() {
        changing = 0;
    }

    /** A level of the snapshot or update being applied changed this many levels from the best (or not at all). */
    void changed(int levelsFromBest) {
        if (levelsFromBest != BookSide.UNCHANGED && levelsFromBest < changing) {
            changing = levelsFromBest;
        }
    }

    /** The snapshot or update being applied is complete. */
    void recordUpdate(long nanos) {
        lastUpdateNanos = nanos;
        updates++;
        shallowestChange = changing;
        changing = Integer.MAX_VALUE;
    }

    void recordResync() {
        resyncs++;
    }

    @Override
    public String toString() {
        return book.venue() + " " + venueSymbol + " " + state;
    }
}
